package airlock.core.search;

/** A match inside one line: UTF-16 offsets into {@link LineMatch#text()}, end exclusive. */
public record MatchRange(int start, int end) {
}
