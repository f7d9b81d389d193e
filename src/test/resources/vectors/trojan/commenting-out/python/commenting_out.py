is_admin = False
"""‮ ⁦"""
if is_admin:
    print("You are an admin.")⁩
"""‮ ⁦"""
