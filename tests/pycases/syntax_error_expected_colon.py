if True
    print("oui")
