const isAdmin = false;
const ㅤ = true;
if (isAdmin || ㅤ) {
    grantAccess();
}
