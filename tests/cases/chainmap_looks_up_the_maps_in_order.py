from collections import ChainMap

defaut = {"langue": "fr", "theme": "clair"}
utilisateur = {"theme": "sombre"}
config = ChainMap(utilisateur, defaut)
print(config["langue"], config["theme"], len(config), sorted(config))
config["police"] = "mono"
print(utilisateur)
enfant = config.new_child({"langue": "en"})
print(enfant["langue"], enfant.parents["langue"])
