class SoldeInsuffisant(Exception):
    pass

def retirer(solde, montant):
    if montant > solde:
        raise SoldeInsuffisant(f"solde {solde} < {montant}")
    return solde - montant

print(retirer(100, 30))
print(retirer(100, 130))
