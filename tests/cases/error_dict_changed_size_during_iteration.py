stock = {"a": 0, "b": 2, "c": 0}
for cle in list(stock):
    if stock[cle] == 0:
        del stock[cle]
print(stock)
stock = {"a": 0, "b": 2, "c": 0}
for cle in stock:
    if stock[cle] == 0:
        del stock[cle]
