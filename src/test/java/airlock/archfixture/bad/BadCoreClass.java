package airlock.archfixture.bad;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Deliberately breaks every architecture rule. It is never run: ArchitectureTest evaluates the rules
 * against this package to prove they fail when violated.
 */
public final class BadCoreClass {
    private BadCoreClass() {
    }

    static Object uiInCore() {
        return new javafx.scene.control.Label("core must not build nodes");
    }

    static Object richText() {
        return org.fxmisc.richtext.CodeArea.class;
    }

    static void network() throws IOException, NamingException {
        new Socket("example.invalid", 80).close();
        new ServerSocket(0).close();
        new URL("http://example.invalid/").openConnection();
        new URL("http://example.invalid/").openStream().close();
        HttpClient.newHttpClient();
        new InitialContext().lookup("ldap://example.invalid/x");
        java.nio.channels.SocketChannel.open().close();
        java.nio.channels.ServerSocketChannel.open().close();
        java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.INET).close();
        java.nio.channels.SocketChannel.open(new java.net.InetSocketAddress("example.invalid", 80)).close();
    }

    static void processes() throws IOException {
        new ProcessBuilder("true").start();
        Runtime.getRuntime().exec(new String[] {"true"});
    }

    static void consoleAndLogging(Exception e) {
        System.out.println("not from cli");
        System.err.println("nor this");
        e.printStackTrace();
        java.util.logging.Logger.getLogger("x").info("wrong logging");
    }
}
