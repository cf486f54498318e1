import sys
print("arrêt avec un message")
fichiers = []
if not fichiers:
    sys.exit("erreur fatale : fichier absent")
print("jamais affiché")
