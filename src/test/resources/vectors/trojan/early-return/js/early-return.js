function subtractFunds(account, amount) {
    /* Subtract funds‮ ⁦*/ return; /*⁩ ⁦ */
    account.balance -= amount;
}
