gJl&\::~p
ÌœmÛÒj!I!\VS,.ÒÙÖr3“’T‘vôÖ A[õŠìC¿‡zWào8$#rîD–‡