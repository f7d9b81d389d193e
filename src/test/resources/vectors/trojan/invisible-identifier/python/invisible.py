is_admin = False
is​_admin = True
if is​_admin:
    print("admin")
