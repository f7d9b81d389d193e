package airlock.core.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.syntax.Language;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TagsExtractorTest {
    private final TagsExtractor extractor = new TagsExtractor();

    /** "kind name@line[scope]" for every definition, in order. */
    private List<String> defs(Language lang, String src) {
        return extractor.extract(lang, src).definitions().stream()
                .map(t -> t.kind().name().toLowerCase() + " " + t.name() + "@" + t.line()
                        + (t.scope().isEmpty() ? "" : "[" + t.scope() + "]"))
                .collect(Collectors.toList());
    }

    @Test
    void c() {
        String src = """
                #include <linux/mutex.h>
                #define MAX_USERS 16
                #define min(a, b) ((a) < (b) ? (a) : (b))
                struct user {
                    int id;
                    struct list_head node;
                };
                typedef struct user user_t;
                typedef int (*handler_fn)(struct user *u);
                enum state { IDLE, RUNNING = 2, DONE };
                static DEFINE_MUTEX(users_lock);
                struct user *find_user(int id);
                static int __init add_user(struct user *u)
                {
                    mutex_lock(&users_lock);
                    if (u->id > MAX_USERS) {
                        mutex_unlock(&users_lock);
                        return -1;
                    }
                    list_add(&u->node, &users);
                    mutex_unlock(&users_lock);
                    return 0;
                }
                """;
        assertEquals(List.of("macro MAX_USERS@2", "macro min@3", "struct user@4", "typedef user_t@8",
                "typedef handler_fn@9", "enum state@10", "enumerator IDLE@10[state]", "enumerator RUNNING@10[state]",
                "enumerator DONE@10[state]", "function add_user@13"), defs(Language.C, src));
        FileSymbols fs = extractor.extract(Language.C, src);
        Tag addUser = fs.definitions().get(fs.definitions().size() - 1);
        assertEquals(23, addUser.endLine());
        assertEquals("static int __init add_user(struct user *u)", addUser.signature());
        int[] lock = fs.occurrences().get("mutex_lock");
        assertEquals(3, lock.length);
        assertEquals(15, lock[0]);
        assertEquals(5, lock[1]);
        assertEquals(Occurrences.CALL, lock[2]);
        assertEquals(4 * 3, fs.occurrences().get("users_lock").length);
        assertFalse(fs.occurrences().containsKey("add_user"), "definition site is not a reference");
        assertFalse(fs.occurrences().containsKey("if"), "keywords are not references");
        assertFalse(fs.occurrences().containsKey("mutex"), "include paths are not references");
    }

    @Test
    void cpp() {
        String src = """
                namespace net {
                class Socket : public Base {
                public:
                    explicit Socket(int fd) : fd_(fd) {}
                    int read(char *buf, size_t n) const override { return ::read(fd_, buf, n); }
                private:
                    int fd_;
                };
                int Socket::close() noexcept {
                    return ::close(fd_);
                }
                enum class Color { Red, Green };
                }
                """;
        assertEquals(List.of("namespace net@1", "class Socket@2[net]", "method Socket@4[net::Socket]",
                "method read@5[net::Socket]", "method close@9[net::Socket]", "enum Color@12[net]",
                "enumerator Red@12[net::Color]", "enumerator Green@12[net::Color]"), defs(Language.CPP, src));
    }

    @Test
    void java() {
        String src = """
                package demo;
                public final class Greeter implements Runnable {
                    private final String name;
                    public Greeter(String name) { this.name = name; }
                    @Override
                    public void run() throws IllegalStateException, java.io.IOException {
                        System.out.println(greet(name));
                    }
                    static String greet(String who) { return "hi " + who; }
                    interface Listener { void heard(String s); }
                    enum Mood { HAPPY, SAD }
                    record Pair(int a, int b) { }
                }
                """;
        assertEquals(List.of("class Greeter@2", "field name@3[Greeter]", "method Greeter@4[Greeter]",
                "method run@6[Greeter]", "method greet@9[Greeter]", "interface Listener@10[Greeter]",
                "method heard@10[Listener]", "enum Mood@11[Greeter]", "enumerator HAPPY@11[Mood]",
                "enumerator SAD@11[Mood]", "class Pair@12[Greeter]", "field a@12[Pair]", "field b@12[Pair]"),
                defs(Language.JAVA, src));
        int[] greet = extractor.extract(Language.JAVA, src).occurrences().get("greet");
        assertEquals(7, greet[0]);
    }

    @Test
    void csharp() {
        String src = """
                namespace Demo {
                    public class Account {
                        public decimal Balance { get; private set; }
                        public void Withdraw(decimal amount) {
                            if (amount > Balance) throw new InvalidOperationException("no");
                            Balance -= amount;
                        }
                    }
                    public interface IAudit { void Log(string s); }
                }
                """;
        assertEquals(List.of("namespace Demo@1", "class Account@2[Demo]", "method Withdraw@4[Account]",
                "interface IAudit@9[Demo]", "method Log@9[IAudit]"), defs(Language.CSHARP, src));
    }

    @Test
    void python() {
        String src = """
                import os

                class Vault:
                    \"\"\"Holds secrets.
                    def not_a_def(): pass
                    \"\"\"
                    def __init__(self, path):
                        self.path = path

                    async def unlock(self, key):
                        return check(key)

                def check(key):
                    def inner():
                        return key
                    return inner()
                """;
        assertEquals(List.of("class Vault@3", "method __init__@7[Vault]", "method unlock@10[Vault]",
                "function check@13", "function inner@14[check]"), defs(Language.PYTHON, src));
        Tag vault = extractor.extract(Language.PYTHON, src).definitions().get(0);
        assertEquals(11, vault.endLine());
    }

    @Test
    void go() {
        String src = """
                package store

                type Store struct {
                    items map[string]int
                }

                type (
                    Reader interface { Read() int }
                    ID int
                )

                const Limit = 10

                func New() *Store { return &Store{items: map[string]int{}} }

                func (s *Store) Put(k string, v int) error {
                    s.items[k] = v
                    return nil
                }
                """;
        assertEquals(List.of("struct Store@3", "interface Reader@8", "type ID@9", "constant Limit@12",
                "function New@14", "method Put@16[Store]"), defs(Language.GO, src));
    }

    @Test
    void javascriptAndTypescript() {
        String js = """
                function login(user) { return check(user); }
                const check = (u) => u.admin;
                let helper = function () {};
                class Session extends Base {
                    constructor(id) { super(id); }
                    renew(ttl) { if (ttl > 0) { this.ttl = ttl; } }
                }
                describe("x", () => { it("y", () => {}); });
                """;
        assertEquals(List.of("function login@1", "function check@2", "function helper@3", "class Session@4",
                "method constructor@5[Session]", "method renew@6[Session]"), defs(Language.JAVASCRIPT, js));
        String ts = """
                export interface User { id: number; }
                export type Id = string | number;
                export enum Role { Admin, Guest }
                export function load(id: Id): User { return db.get(id); }
                """;
        assertEquals(List.of("interface User@1", "type Id@2", "enum Role@3", "enumerator Admin@3[Role]",
                "enumerator Guest@3[Role]", "function load@4"), defs(Language.TYPESCRIPT, ts));
    }

    @Test
    void rust() {
        String src = """
                use std::fmt;
                pub struct Point { x: i32, y: i32 }
                pub enum Shape { Circle(f64), Square(f64) }
                pub trait Area { fn area(&self) -> f64; }
                impl fmt::Display for Point {
                    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        write!(f, "({}, {})", self.x, self.y)
                    }
                }
                const MAX: usize = 8;
                macro_rules! square { ($x:expr) => { $x * $x }; }
                pub fn main() { let c = 'c'; println!("{}", square!(2)); }
                """;
        assertEquals(List.of("struct Point@2", "enum Shape@3", "enumerator Circle@3[Shape]", "enumerator Square@3[Shape]", "trait Area@4", "method area@4[Area]",
                "method fmt@6[Point]", "constant MAX@10", "macro square@11", "function main@12"),
                defs(Language.RUST, src));
    }

    @Test
    void shell() {
        String src = """
                #!/bin/sh
                # build() { not a function }
                build() {
                    make -j"$(nproc)"
                }
                function deploy {
                    build && scp out host:
                }
                deploy
                """;
        assertEquals(List.of("function build@3", "function deploy@6"), defs(Language.SHELL, src));
        assertTrue(extractor.extract(Language.SHELL, src).occurrences().containsKey("deploy"));
    }

    /** Lines of the references to {@code name}, a trailing "()" when the reference is a call. */
    private List<String> refs(Language lang, String src, String name) {
        int[] occ = extractor.extract(lang, src).occurrences().getOrDefault(name, new int[0]);
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < occ.length; i += 3) {
            out.add(occ[i] + ((occ[i + 2] & Occurrences.CALL) != 0 ? "()" : ""));
        }
        return out;
    }

    @Test
    void referencesPerLanguage() {
        assertEquals(List.of("4()", "5", "7", "10"), refs(Language.CPP, """
                namespace net {
                class Socket : public Base {
                public:
                    explicit Socket(int fd) : fd_(fd) {}
                    int read(char *buf, size_t n) const override { return ::read(fd_, buf, n); }
                private:
                    int fd_;
                };
                int Socket::close() noexcept {
                    return ::close(fd_);
                }
                }
                """, "fd_"));
        String java = """
                class Greeter {
                    static String greet(String who) { return "hi " + who; }
                    void run() { log(greet("a")); Greeter g = new Greeter(); }
                }
                """;
        assertEquals(List.of("3()"), refs(Language.JAVA, java, "greet"));
        assertEquals(List.of("3", "3()"), refs(Language.JAVA, java, "Greeter"));
        assertEquals(List.of("3", "5", "6"), refs(Language.CSHARP, """
                namespace Demo {
                    public class Account {
                        public decimal Balance { get; private set; }
                        public void Withdraw(decimal amount) {
                            if (amount > Balance) throw new InvalidOperationException("no");
                            Balance -= amount;
                        }
                    }
                }
                """, "Balance"));
        String python = """
                class Vault:
                    async def unlock(self, key):
                        return check(key)

                def check(key):
                    # check(comment) is not a reference
                    return "check" + key
                """;
        assertEquals(List.of("3()"), refs(Language.PYTHON, python, "check"));
        assertEquals(List.of("2", "3", "5", "7"), refs(Language.PYTHON, python, "key"));
        String go = """
                package store

                type Store struct {
                    items map[string]int
                }

                func New() *Store { return &Store{items: map[string]int{}} }

                func (s *Store) Put(k string, v int) error {
                    s.items[k] = v
                    return New().Put(k, v)
                }
                """;
        assertEquals(List.of("7", "7", "9"), refs(Language.GO, go, "Store"));
        assertEquals(List.of("11()"), refs(Language.GO, go, "New"));
        assertEquals(List.of("1()"), refs(Language.JAVASCRIPT, """
                function login(user) { return check(user); }
                const check = (u) => u.admin;
                """, "check"));
        assertEquals(List.of("4", "4"), refs(Language.TYPESCRIPT, """
                export interface User { id: number; }
                export type Id = string | number;
                export enum Role { Admin, Guest }
                export function load(id: Id): User { return db.get(id) as User; }
                """, "User"));
        assertEquals(List.of("3", "6", "6"), refs(Language.RUST, """
                use std::fmt;
                pub struct Point { x: i32, y: i32 }
                impl fmt::Display for Point {
                    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { Ok(()) }
                }
                fn origin() -> Point { Point { x: 0, y: 0 } }
                pub fn main() {
                    // Point in a comment is not a reference
                    let p = origin();
                }
                """, "Point"));
        assertEquals(List.of("7", "9"), refs(Language.SHELL, """
                #!/bin/sh
                build() {
                    make -j"$(nproc)"
                }
                function deploy {
                    echo "build"
                    build && scp out host:
                }
                build
                """, "build"));
    }

    @Test
    void hostileInputNeverThrows() {
        String[] inputs = {"", "{", "}}}}", "((((", "struct", "typedef", "#define", "func (", "impl<", "def",
            "\"unterminated", "/* open", "class X extends", "fn", "'", "R\"abc(", "@\"", "a(b)c{", "\u202E{}"};
        for (Language lang : Language.values()) {
            for (String in : inputs) {
                extractor.extract(lang, in);
                extractor.extract(lang, in.repeat(50));
            }
        }
    }
}
