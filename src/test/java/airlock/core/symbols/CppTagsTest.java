package airlock.core.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.syntax.Language;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * C and C++ accuracy of the lexer-level extractor, one test per cause measured against universal-ctags
 * (issue 21). Snippets are cut from the Linux kernel, glibc and libstdc++, shortened.
 */
class CppTagsTest {
    private final TagsExtractor extractor = new TagsExtractor();

    private List<String> defs(Language lang, String src) {
        return extractor.extract(lang, src).definitions().stream()
                .map(t -> t.kind().name().toLowerCase() + " " + t.name() + "@" + t.line()
                        + (t.scope().isEmpty() ? "" : "[" + t.scope() + "]"))
                .collect(Collectors.toList());
    }

    private List<String> names(Language lang, String src) {
        return extractor.extract(lang, src).definitions().stream().map(Tag::name).collect(Collectors.toList());
    }

    /** Issue 21: methods declared in a class body but defined elsewhere are indexed as declarations. */
    @Test
    void inClassMemberDeclarationsWithoutBodyArePrototypes() {
        String src = """
                namespace ns {
                class Widget : public Base {
                public:
                    Widget();
                    explicit Widget(int w, int h);
                    virtual ~Widget();
                    void draw() const;
                    virtual int size() const noexcept override;
                    virtual void paint(Canvas &c) = 0;
                    Widget(const Widget &) = delete;
                    static Widget *make(int kind);
                    auto width() const -> int;
                    int inline_one() { return 1; }
                private:
                    DISALLOW_COPY_AND_ASSIGN(Widget);
                    int count;
                    void (*callback)(int);
                    friend void swap(Widget &a, Widget &b);
                };
                }
                void ns::Widget::draw() const { helper(1); }
                """;
        assertEquals(List.of("namespace ns@1", "class Widget@2[ns]", "prototype Widget@4[ns::Widget]",
                "prototype Widget@5[ns::Widget]", "prototype ~Widget@6[ns::Widget]", "prototype draw@7[ns::Widget]",
                "prototype size@8[ns::Widget]", "prototype paint@9[ns::Widget]", "prototype Widget@10[ns::Widget]",
                "prototype make@11[ns::Widget]", "prototype width@12[ns::Widget]", "method inline_one@13[ns::Widget]",
                "method draw@21[ns::Widget]"), defs(Language.CPP, src));
        // C keeps reading struct bodies as before: a function pointer member or a call is no declaration
        assertEquals(List.of("struct ops@1"), defs(Language.C, "struct ops {\n    int (*open)(int);\n    FOO(x);\n};\n"));
    }

    @Test
    void enumeratorsOfAnonymousEnums() {
        String src = """
                enum {
                	WORK_STRUCT_PENDING_BIT	= 0,
                #ifdef CONFIG_DEBUG_OBJECTS_WORK
                	WORK_STRUCT_STATIC_BIT,
                #endif
                	WORK_STRUCT_COLOR_SHIFT = 4,
                	WORK_OFFQ_FLAG_BITS = min(WORK_STRUCT_COLOR_SHIFT, 3, 4),
                };
                typedef enum { RTA_UNSPEC, RTA_DST } rta_t;
                """;
        assertEquals(List.of("enumerator WORK_STRUCT_PENDING_BIT@2", "enumerator WORK_STRUCT_STATIC_BIT@4",
                "enumerator WORK_STRUCT_COLOR_SHIFT@6", "enumerator WORK_OFFQ_FLAG_BITS@7", "typedef rta_t@9",
                "enumerator RTA_UNSPEC@9", "enumerator RTA_DST@9"), defs(Language.C, src));
    }

    @Test
    void defineBodiesNeverFeedTheBraceTrackerNorDefineFunctions() {
        String src = """
                #define __DEFINE_LOCK(name) \\
                	struct name { int x; }; \\
                	static inline void name##_lock(struct name *l) {
                #define CALL_F f(100)
                static int first(void)
                {
                	return 0;
                }
                static int second(void)
                {
                	return CALL_F;
                }
                """;
        assertEquals(List.of("macro __DEFINE_LOCK@1", "macro CALL_F@4", "function first@5", "function second@9"),
                defs(Language.C, src));
        FileSymbols fs = extractor.extract(Language.C, src);
        assertEquals(8, fs.definitions().get(2).endLine());
        assertEquals(1, fs.occurrences().get("f").length / 3, "a use in a #define body is a reference");
        assertEquals(4, fs.occurrences().get("f")[0]);
    }

    @Test
    void definedIsNeverAFunctionAndErrorTextNeverIdentifiers() {
        String src = """
                #if defined(CONFIG_SMP) && !defined(CONFIG_X)
                # error Can't build this without SMP support enabled
                #endif
                #warning this driver isn't maintained
                int ok(void) { return 1; }
                """;
        assertEquals(List.of("function ok@5"), defs(Language.C, src));
        FileSymbols fs = extractor.extract(Language.C, src);
        assertFalse(fs.occurrences().containsKey("defined"));
        assertFalse(fs.occurrences().containsKey("build"), "words of # error are not identifiers");
        assertFalse(fs.occurrences().containsKey("maintained"), "words of #warning are not identifiers");
        assertTrue(fs.occurrences().containsKey("CONFIG_SMP"));
    }

    @Test
    void annotationMacrosAreNotFunctions() {
        String src = """
                static void unlock_it(struct rq *rq)
                	__releases(rq->lock) __acquires(rq->lock)
                {
                	raw_spin_unlock(&rq->lock);
                }
                """;
        assertEquals(List.of("function unlock_it@1"), defs(Language.C, src));
        assertEquals(5, extractor.extract(Language.C, src).definitions().get(0).endLine());
    }

    @Test
    void fileScopeMacroInvocationsWithoutSemicolonAreNotFunctions() {
        String src = """
                DEFINE_STATIC_KEY_FALSE(sched_schedstats)
                static int sysctl_schedstats(struct ctl_table *table, int write)
                {
                	return 0;
                }
                EXPORT_TRACEPOINT_SYMBOL_GPL(sched_update_nr_running_tp)
                struct rq_flags {
                	unsigned long flags;
                };
                DECLARE_BITMAP(cpus)
                foo_t *lookup(int id)
                {
                	return NULL;
                }
                """;
        assertEquals(List.of("function sysctl_schedstats@2", "struct rq_flags@7", "function lookup@11"),
                defs(Language.C, src));
    }

    @Test
    void macroBeforeAStructNameIsNotItsName() {
        String src = """
                struct __packed ec_params {
                	u8 cmd;
                };
                struct __attribute__((aligned(8))) aligned_thing { int x; };
                """;
        assertEquals(List.of("struct ec_params@1", "struct aligned_thing@4"), defs(Language.C, src));
    }

    @Test
    void bothBranchesOfAConditionalAreIndexedAndBracesStayBalanced() {
        String src = """
                #ifdef CONFIG_HUGETLB_PAGE
                static int hugetlb_count(struct mm_struct *mm, long n) {
                	return n;
                #else
                static int hugetlb_count(struct mm_struct *mm) {
                	return 0;
                #endif
                }
                #if 0
                static void dead_code(void) { }
                #endif
                static void after(void)
                {
                }
                """;
        assertEquals(List.of("function hugetlb_count@2", "function hugetlb_count@5", "function after@12"),
                defs(Language.C, src));
        assertEquals(14, extractor.extract(Language.C, src).definitions().get(2).endLine());
    }

    @Test
    void glibcHeadersSplitOverConditionalsAndWrappedNames() {
        String src = """
                const STRING_TYPE *
                #ifdef USE_WIDE_CHAR
                __correctly_grouped_prefixwc (const STRING_TYPE *begin,
                			      wchar_t thousands,
                #else
                __correctly_grouped_prefixmb (const STRING_TYPE *begin,
                			      const char *thousands,
                #endif
                			      const char *grouping)
                {
                  return begin;
                }
                __extern_inline int
                __NTH (__feof_unlocked (FILE *__stream))
                {
                  return 0;
                }
                static int __init __printf(3, 4)
                append_printf(char **bufp, const char *fmt, ...)
                {
                }
                void *
                #ifndef MEMRCHR
                __memrchr
                #else
                MEMRCHR
                #endif
                (const void *s, int c_in, size_t n)
                {
                }
                """;
        assertEquals(List.of("function __correctly_grouped_prefixwc@3", "function __correctly_grouped_prefixmb@6",
                "function __feof_unlocked@14", "function append_printf@19", "function __memrchr@24",
                "function MEMRCHR@26"), defs(Language.C, src));
    }

    @Test
    void typedefOfAParenthesisedFunctionTypeAndAnnotatedTypedef() {
        String src = """
                typedef void (bio_end_io_t) (struct bio *);
                typedef __printf(1, 2) int (*kdb_printf_t)(const char *, ...);
                """;
        assertEquals(List.of("typedef bio_end_io_t@1", "typedef kdb_printf_t@2"), defs(Language.C, src));
    }

    @Test
    void cppNamespacesWrappedInMacrosAndQualifiedScopes() {
        String src = """
                namespace std _GLIBCXX_VISIBILITY(default)
                {
                _GLIBCXX_BEGIN_NAMESPACE_VERSION
                  namespace __detail
                  {
                    template<typename _Tp, typename _Alloc>
                      struct _Vector_base
                      {
                        typedef typename _Alloc::pointer pointer;
                        using size_type = std::size_t;
                        _Vector_base() { }
                        ~_Vector_base() _GLIBCXX_NOEXCEPT { }
                      };
                  }
                  template<typename _Tp, typename _Alloc>
                    void
                    vector<_Tp, _Alloc>::
                    reserve(size_type __n)
                    {
                    }
                  namespace { int hidden() { return 0; } }
                } // namespace std
                """;
        assertEquals(List.of("namespace std@1", "namespace __detail@4[std]", "struct _Vector_base@7[std::__detail]",
                "typedef pointer@9[std::__detail::_Vector_base]", "typedef size_type@10[std::__detail::_Vector_base]",
                "method _Vector_base@11[std::__detail::_Vector_base]",
                "method ~_Vector_base@12[std::__detail::_Vector_base]", "method reserve@18[std::vector]",
                "function hidden@21[std]"), defs(Language.CPP, src));
    }

    @Test
    void cppOperatorsSpecialisationsAndEnumClasses() {
        String src = """
                template<>
                  struct hash<bool*> : public __hash_base<size_t, bool*>
                  {
                    size_t operator()(bool* __val) const noexcept { return 0; }
                    bool operator==(const hash&) const { return true; }
                    explicit operator bool() const noexcept { return true; }
                  };
                template<class _Tp> struct remove_cv { using type = _Tp; };
                enum class memory_order : int { relaxed, consume };
                bool operator<(const A& a, const A& b) { return false; }
                inline A::~A() { }
                template<typename _CVArg, typename... _Args>
                  typename result_of<_CVArg(_Args...)>::type
                  call(_CVArg& __arg) const volatile { }
                """;
        assertEquals(List.of("struct hash@2", "method operator ()@4[hash]", "method operator ==@5[hash]",
                "method operator bool@6[hash]", "struct remove_cv@8", "typedef type@8[remove_cv]",
                "enum memory_order@9", "enumerator relaxed@9[memory_order]", "enumerator consume@9[memory_order]",
                "function operator <@10", "method ~A@11[A]", "function call@14"), defs(Language.CPP, src));
    }

    @Test
    void cppConstructorsAfterAccessSpecifiersAndInitializerLists() {
        String src = """
                class basic_string {
                public:
                  basic_string() : _M_p(nullptr), _M_len(0) { }
                private:
                  void _M_dispose() { }
                };
                """;
        assertEquals(List.of("class basic_string@1", "method basic_string@3[basic_string]",
                "method _M_dispose@5[basic_string]"), defs(Language.CPP, src));
    }

    @Test
    void languageOfExtensionLessAndDotHHeadersByContent() {
        String vector = """
                // <vector> -*- C++ -*-

                // Copyright (C) 2001-2022 Free Software Foundation, Inc.
                #ifndef _GLIBCXX_VECTOR
                """;
        assertEquals(Language.CPP, Language.detect("c++/12/vector", vector));
        String noMode = """
                #pragma once
                #include <memory>
                namespace util {
                }
                """;
        assertEquals(Language.CPP, Language.detect("include/util/span", noMode));
        assertEquals(Language.CPP, Language.detect("bits/stl_vector.h", "#include <x>\ntemplate<typename T>\nclass V;\n"));
        String cHeader = """
                #ifdef __cplusplus
                extern "C" {
                #endif
                struct class_info { int class; };
                #ifdef __cplusplus
                }
                #endif
                """;
        assertEquals(Language.C, Language.detect("include/linux/device/class.h", cHeader));
        String glibcString = """
                #include <features.h>
                #if defined __cplusplus && __GNUC_PREREQ (4, 4)
                # define __CORRECT_ISO_CPP_STRING_H_PROTO
                #endif
                #ifdef __CORRECT_ISO_CPP_STRING_H_PROTO
                #endif
                #ifdef __cplusplus
                # ifdef X
                # endif
                template <typename T> int f(T);
                namespace std { }
                #endif
                extern void *memchr (const void *s, int c, size_t n);
                """;
        assertEquals(Language.C, Language.detect("string/string.h", glibcString));
        assertEquals(Language.PLAIN, Language.detect("LICENSE", "class of software: namespace of terms\n"));
        assertEquals(Language.PLAIN, Language.detect("notes.txt", "// -*- C++ -*-\n"));
        assertEquals(Language.C, Language.detect("a.c", "namespace x {\n"));
        assertEquals(Language.JAVA, Language.detect("A.java", "class A {}"));
    }

    @Test
    void hostileInputNeverThrows() {
        for (String s : List.of("#define", "#if", "#else\n#else\n#endif\n#endif\n}", "enum {", "struct __packed",
                "namespace", "namespace std _X(", "operator", "A::~", "typedef (", "#error", "# error \\\n",
                "template<class", "x::operator()(", "}}}{{{#if 0\n")) {
            extractor.extract(Language.C, s);
            extractor.extract(Language.CPP, s);
            Language.detect("x", s);
            Language.detect("x.h", s);
        }
        assertEquals(names(Language.CPP, "int f() { return 0; }"), List.of("f"));
    }
}
