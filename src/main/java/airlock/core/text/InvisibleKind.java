package airlock.core.text;

/** Why a character in repository text is dangerous or invisible on screen (Trojan Source, CVE-2021-42574). */
public enum InvisibleKind {
    /** Bidirectional control: can reorder what the reader sees relative to what the compiler reads. */
    BIDI_CONTROL,
    /** Zero-width character (ZWSP, ZWNJ, ZWJ, word joiner): splits or joins identifiers invisibly. */
    ZERO_WIDTH,
    /** Byte order mark anywhere but the very start of the file. */
    BOM,
    /** Other characters that render as nothing: soft hyphen, Hangul fillers, tag characters. */
    INVISIBLE,
    /** A carriage return not followed by a line feed: some tools treat it as a line break, others do not. */
    LONE_CR,
    /** U+2028 / U+2029: a line break to some languages (JavaScript) and not to others. */
    LINE_SEPARATOR,
    /** Any other C0 or C1 control character (tab and line feed excepted). */
    CONTROL,
    /** An unpaired UTF-16 surrogate. */
    LONE_SURROGATE
}
