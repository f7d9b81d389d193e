def subtract_funds(account, amount):
    ''' Subtract funds from bank account then ‮ ⁦''' ;return
    bank[account] -= amount
    return
