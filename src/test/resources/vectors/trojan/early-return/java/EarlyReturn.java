public class EarlyReturn {
    static int subtract(int balance, int amount) {
        /* Check for negative‮ ⁦*/ return balance; /*⁩ ⁦ */
        return balance - amount;
    }
}
