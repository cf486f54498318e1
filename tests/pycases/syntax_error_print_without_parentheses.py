print "bonjour"
