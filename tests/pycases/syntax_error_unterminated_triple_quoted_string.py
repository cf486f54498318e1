texte = """commence
et ne finit jamais
