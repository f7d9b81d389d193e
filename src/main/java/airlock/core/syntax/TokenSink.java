package airlock.core.syntax;

/** Receives tokens from {@link Lexer} in order; {@code [start, end)} are UTF-16 offsets. */
@FunctionalInterface
public interface TokenSink {
    void token(TokenKind kind, int start, int end);
}
