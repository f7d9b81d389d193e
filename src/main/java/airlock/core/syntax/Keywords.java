package airlock.core.syntax;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** Keyword lists for the fallback lexer. */
final class Keywords {
    private Keywords() {
    }

    static final Set<String> C = words("auto break case char const continue default do double else enum extern float"
            + " for goto if inline int long register restrict return short signed sizeof static struct switch typedef"
            + " union unsigned void volatile while _Bool _Complex _Atomic _Static_assert _Noreturn _Alignas _Alignof"
            + " bool true false NULL typeof asm __asm__ __attribute__ __inline__ __volatile__ __restrict"
            + " __attribute __asm __inline __typeof__ __typeof __extension__ __const __volatile __restrict__ __signed__");
    static final Set<String> CPP = union(C, "alignas alignof and bitand bitor catch class compl concept consteval"
            + " constexpr constinit const_cast co_await co_return co_yield decltype delete dynamic_cast explicit export"
            + " friend mutable namespace new noexcept not nullptr operator or override final private protected public"
            + " reinterpret_cast requires static_assert static_cast template this thread_local throw try typeid"
            + " typename using virtual wchar_t xor char8_t char16_t char32_t");
    static final Set<String> JAVA = words("abstract assert boolean break byte case catch char class const continue"
            + " default do double else enum extends final finally float for goto if implements import instanceof int"
            + " interface long native new package private protected public return short static strictfp super switch"
            + " synchronized this throw throws transient try void volatile while true false null var record yield"
            + " sealed permits non-sealed");
    static final Set<String> CSHARP = words("abstract as base bool break byte case catch char checked class const"
            + " continue decimal default delegate do double else enum event explicit extern false finally fixed float"
            + " for foreach goto if implicit in int interface internal is lock long namespace new null object operator"
            + " out override params private protected public readonly ref return sbyte sealed short sizeof stackalloc"
            + " static string struct switch this throw true try typeof uint ulong unchecked unsafe ushort using virtual"
            + " void volatile while var async await record get set init where yield");
    static final Set<String> JS = words("break case catch class const continue debugger default delete do else export"
            + " extends finally for function if import in instanceof let new return super switch this throw try typeof"
            + " var void while with yield async await of static get set true false null undefined");
    static final Set<String> TS = union(JS, "interface type enum implements namespace module declare abstract"
            + " private protected public readonly keyof infer is as any unknown never number string boolean symbol"
            + " bigint object");
    static final Set<String> GO = words("break case chan const continue default defer else fallthrough for func go"
            + " goto if import interface map package range return select struct switch type var true false nil iota");
    static final Set<String> RUST = words("as async await break const continue crate dyn else enum extern false fn"
            + " for if impl in let loop match mod move mut pub ref return self Self static struct super trait true type"
            + " unsafe use where while macro_rules union");
    static final Set<String> PYTHON = words("False None True and as assert async await break class continue def del"
            + " elif else except finally for from global if import in is lambda nonlocal not or pass raise return try"
            + " while with yield match case self");
    static final Set<String> SHELL = words("if then else elif fi case esac for select while until do done in function"
            + " time return exit local export readonly declare typeset unset shift break continue");

    // HashSet-backed rather than Set.of: every identifier of every file is looked up here, nearly all of them
    // misses, and Set.of's linear probing made unsuccessful lookups the lexer's hottest frame (JFR, kernel).
    private static Set<String> words(String s) {
        return Collections.unmodifiableSet(new HashSet<>(Arrays.asList(s.split(" "))));
    }

    private static Set<String> union(Set<String> base, String more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(words(more));
        return Collections.unmodifiableSet(all);
    }
}
