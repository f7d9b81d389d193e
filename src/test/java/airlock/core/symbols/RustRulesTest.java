package airlock.core.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import airlock.core.syntax.Language;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issue 21, Rust (measured on the kernel's rust/ tree against ctags): each test pins one cause. */
class RustRulesTest {
    private final TagsExtractor extractor = new TagsExtractor();

    private List<String> defs(String src) {
        return extractor.extract(Language.RUST, src).definitions().stream()
                .map(t -> t.kind().name().toLowerCase() + " " + t.name() + "@" + t.line()
                        + (t.scope().isEmpty() ? "" : "[" + t.scope() + "]"))
                .collect(Collectors.toList());
    }

    @Test
    void pointerAndTraitBoundConstAreNotConstants() {
        // rust/kernel/allocator.rs, rust/alloc/boxed.rs
        assertEquals(List.of("constant EXPECTED_KEYS@1", "constant THIS_MODULE@2", "function free@3",
                "function process_loop@7"), defs("""
                const EXPECTED_KEYS: &[&str] = &["type", "name"];
                static mut THIS_MODULE: ThisModule = ThisModule::null();
                pub const unsafe fn free<A: ~const Allocator>(ptr: *const core::ffi::c_void, p: *mut u8) {
                    bindings::kfree(ptr as *const core::ffi::c_void);
                }
                impl<T, const N: usize> From<[T; N]> for Box<[T]> { }
                fn process_loop<F, const DELETED: bool>() { }
                """));
    }

    @Test
    void enumVariantsAreEnumerators() {
        // rust/alloc/raw_vec.rs, rust/alloc/collections/mod.rs, rust/alloc/borrow.rs
        assertEquals(List.of("enum AllocInit@1", "enumerator Uninitialized@2[AllocInit]",
                "enumerator Zeroed@3[AllocInit]", "enum TryReserveErrorKind@5",
                "enumerator CapacityOverflow@6[TryReserveErrorKind]", "enumerator AllocError@7[TryReserveErrorKind]",
                "enumerator Owned@8[TryReserveErrorKind]"), defs("""
                enum AllocInit {
                    Uninitialized,
                    Zeroed,
                }
                pub enum TryReserveErrorKind {
                    CapacityOverflow,
                    AllocError { layout: Layout, non_exhaustive: () },
                    Owned(Box<u8>),
                }
                """));
    }

    @Test
    void itemsInsideFunctionBodies() {
        // rust/alloc/slice.rs: struct DropGuard inside fn
        assertEquals(List.of("function merge_sort@1", "struct DropGuard@2", "function inner@3"), defs("""
                fn merge_sort<T>(v: &mut [T]) {
                    struct DropGuard<T> { buf: *mut T }
                    fn inner() {}
                }
                """));
    }
}
