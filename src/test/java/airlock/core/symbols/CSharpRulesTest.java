package airlock.core.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import airlock.core.syntax.Language;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, C#: measured on the only C# file on this machine (node-gyp's lib/Find-VisualStudio.cs, 37 methods
 * for ctags) — each test pins one cause on a snippet cut from it or written in its style.
 */
class CSharpRulesTest {
    private final TagsExtractor extractor = new TagsExtractor();

    private List<String> defs(String src) {
        return extractor.extract(Language.CSHARP, src).definitions().stream()
                .map(t -> t.kind().name().toLowerCase() + " " + t.name() + "@" + t.line()
                        + (t.scope().isEmpty() ? "" : "[" + t.scope() + "]"))
                .collect(Collectors.toList());
    }

    /** Find-VisualStudio.cs:27-43: COM interface methods have no body; attributes are not functions. */
    @Test
    void interfaceMethodsWithoutBodyAndAttributes() {
        assertEquals(List.of("namespace VisualStudioConfiguration@1", "interface IEnumSetupInstances@6[VisualStudioConfiguration]",
                "method Next@8[IEnumSetupInstances]", "method Skip@12[IEnumSetupInstances]",
                "method Reset@14[IEnumSetupInstances]", "method Clone@17[IEnumSetupInstances]"), defs("""
                namespace VisualStudioConfiguration
                {
                    [Guid("6380BCFF-41D3-4B2E-8B2E-BF8A6810C848")]
                    [InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
                    [ComImport]
                    public interface IEnumSetupInstances
                    {
                        void Next([MarshalAs(UnmanagedType.U4), In] int celt,
                            [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.Interface), Out] ISetupInstance[] rgelt,
                            [MarshalAs(UnmanagedType.U4)] out int pceltFetched);

                        void Skip([MarshalAs(UnmanagedType.U4), In] int celt);

                        void Reset();

                        [return: MarshalAs(UnmanagedType.Interface)]
                        IEnumSetupInstances Clone();
                    }
                }
                """));
    }

    /** Abstract, extern and expression-bodied methods, generic and array return types; delegates, calls are not. */
    @Test
    void otherBodylessMethodShapes() {
        assertEquals(List.of("class Native@1", "method GetTickCount@3[Native]", "method Area@4[Native]",
                "method Find@5[Native]", "method Names@6[Native]", "method Count@7[Native]",
                "method Run@9[Native]"), defs("""
                public abstract class Native {
                    [DllImport("kernel32.dll"), SuppressUnmanagedCodeSecurity]
                    static extern uint GetTickCount();
                    public abstract double Area();
                    public abstract T Find<T>(string key) where T : class;
                    protected abstract string[] Names();
                    public int Count() => names.Length;
                    public delegate void Handler(object sender);
                    public void Run() {
                        Reset();
                        int n = Count();
                    }
                    private int x = Compute(2);
                }
                """));
    }
}
