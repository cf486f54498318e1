taches = []
taches.append("lire")
taches.apend("écrire")
