public class Invisible {
    static boolean isAdmin = false;
    static boolean is‍Admin = true;
    static boolean check() { return is‍Admin; }
}
