package airlock.core.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.syntax.Language;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: a definition in an {@code #if}/{@code #else} branch carries the condition it sits under, so the
 * chooser can tell the two {@code audit_get_loginuid} of include/linux/audit.h apart. Snippets cut from the
 * Linux 6.1 kernel and glibc, shortened.
 */
class CppConditionTest {
    private final TagsExtractor extractor = new TagsExtractor();

    /** "name@line {condition}" for each definition. */
    private List<String> marks(Language lang, String src) {
        return extractor.extract(lang, src).definitions().stream()
                .map(t -> t.name() + "@" + t.line() + " {" + t.condition() + "}")
                .collect(Collectors.toList());
    }

    /** include/linux/audit.h:191 and :253 — the same function in both branches of #ifdef CONFIG_AUDIT. */
    @Test
    void bothBranchesOfAnIfdefAreMarked() {
        String src = """
                /* SPDX-License-Identifier: GPL-2.0-or-later */
                #ifndef _LINUX_AUDIT_H_
                #define _LINUX_AUDIT_H_

                #include <linux/sched.h>

                struct audit_sig_info {
                	uid_t		uid;
                };

                #ifdef CONFIG_AUDIT
                extern int audit_set_loginuid(kuid_t loginuid);

                static inline kuid_t audit_get_loginuid(struct task_struct *tsk)
                {
                	return tsk->loginuid;
                }
                #else /* CONFIG_AUDIT */
                static inline kuid_t audit_get_loginuid(struct task_struct *tsk)
                {
                	return INVALID_UID;
                }
                #endif /* CONFIG_AUDIT */

                #endif
                """;
        assertEquals(List.of("_LINUX_AUDIT_H_@3 {}", "audit_sig_info@7 {}",
                "audit_get_loginuid@14 {#ifdef CONFIG_AUDIT}",
                "audit_get_loginuid@19 {#else of CONFIG_AUDIT}"), marks(Language.C, src),
                "the include guard marks nothing; the comment after #else is not part of the condition");
    }

    /** Nested conditionals: outermost first; #ifndef's #else names the directive; #endif restores the outer mark. */
    @Test
    void nestedConditionsAreSummarisedOutermostFirst() {
        String src = """
                int before(void) { return 0; }
                #ifdef CONFIG_SMP
                #ifndef CONFIG_HOTPLUG_CPU
                static int a(void) { return 1; }
                #else
                static int b(void) { return 2; }
                #endif
                static int c(void) { return 3; }
                #endif
                int after(void) { return 4; }
                """;
        assertEquals(List.of("before@1 {}",
                "a@4 {#ifdef CONFIG_SMP \u203a #ifndef CONFIG_HOTPLUG_CPU}",
                "b@6 {#ifdef CONFIG_SMP \u203a #else of !CONFIG_HOTPLUG_CPU}",
                "c@8 {#ifdef CONFIG_SMP}",
                "after@10 {}"), marks(Language.C, src));
    }

    /** #if with an expression (spread over a continuation line), #elif and the final #else. */
    @Test
    void elifAndElseNameTheConditionsBefore() {
        String src = """
                #if defined(CONFIG_X86) && \\
                    BITS_PER_LONG == 64   /* 64-bit x86 */
                #define ARCH_WORD 8
                #elif defined(CONFIG_ARM)
                #define ARCH_WORD 4
                #else
                #define ARCH_WORD 2
                #endif
                """;
        assertEquals(List.of("ARCH_WORD@3 {#if defined(CONFIG_X86) && BITS_PER_LONG == 64}",
                "ARCH_WORD@5 {#elif defined(CONFIG_ARM) (after defined(CONFIG_X86) && BITS_PER_LONG == 64)}",
                "ARCH_WORD@7 {#else of defined(CONFIG_X86) && BITS_PER_LONG == 64, defined(CONFIG_ARM)}"),
                marks(Language.C, src));
    }

    /** #if 0 is dead (nothing indexed) and its #else is always compiled (no mark); #if 0 nested inside a branch. */
    @Test
    void ifZeroBlocksAreDeadAndTheirElseUnmarked() {
        String src = """
                #if 0
                static int old(void) { return 0; }
                #else
                static int current(void) { return 1; }
                #endif
                #ifdef DEBUG
                #if 0
                static int never(void) { return 2; }
                #endif
                static int debug_only(void) { return 3; }
                #endif
                """;
        assertEquals(List.of("current@4 {}", "debug_only@10 {#ifdef DEBUG}"), marks(Language.C, src));
    }

    /** A header guard is recognised only as the first and last directive around all code. */
    @Test
    void anIfndefThatIsNotAGuardIsMarked() {
        String src = """
                int first(void) { return 0; }
                #ifndef pr_fmt
                #define pr_fmt(fmt) fmt
                #endif
                """;
        assertEquals(List.of("first@1 {}", "pr_fmt@3 {#ifndef pr_fmt}"), marks(Language.C, src));
    }

    /** Deep nestings keep the innermost three; a long condition is cut; vendor control characters are kept raw. */
    @Test
    void longAndDeepConditionsAreCapped() {
        StringBuilder src = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            src.append("#ifdef L").append(i).append('\n');
        }
        src.append("#if ").append("A_VERY_LONG_NAME_".repeat(10)).append("\u202e\n");
        src.append("int deep(void) { return 0; }\n");
        src.append("#endif\n".repeat(6));
        List<Tag> tags = extractor.extract(Language.C, src).definitions();
        assertEquals(1, tags.size());
        String c = tags.get(0).condition();
        assertTrue(c.startsWith("\u2026 \u203a #ifdef L4 \u203a #ifdef L5 \u203a #if A_VERY_LONG_NAME_"), c);
        assertTrue(c.endsWith("\u2026"), c);
        assertTrue(c.length() <= BraceRules.CONDITIONS_MAX + 1, c);
        assertTrue(!c.contains("\u202e"), "the cut drops what lies past the cap: " + c);
    }

    /** glibc malloc/malloc.c style: a macro in the #else branch, and a function header split over branches. */
    @Test
    void macrosAndSplitHeadersCarryTheirBranch() {
        String src = """
                #ifndef HAVE_TUNABLES
                # define DEFAULT_TOP_PAD 0
                #else
                # define DEFAULT_TOP_PAD (64 * 1024)
                #endif
                void *
                #ifndef MEMRCHR
                __memrchr
                #else
                MEMRCHR
                #endif
                (const void *s, int c_in, size_t n)
                {
                  return 0;
                }
                """;
        assertEquals(List.of("DEFAULT_TOP_PAD@2 {#ifndef HAVE_TUNABLES}",
                "DEFAULT_TOP_PAD@4 {#else of !HAVE_TUNABLES}",
                "__memrchr@8 {#ifndef MEMRCHR}", "MEMRCHR@10 {#else of !MEMRCHR}"), marks(Language.C, src));
    }
}
