commande = "stop"
match commande:
    case x:
        print("tout")
    case "stop":
        print("stop")
