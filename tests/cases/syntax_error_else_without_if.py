x = 3
if x > 2:
    print("grand")
print("entre les deux")
else:
    print("petit")
