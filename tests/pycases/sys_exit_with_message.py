import sys
print("arrêt avec un message")
sys.exit("erreur fatale : fichier absent")
