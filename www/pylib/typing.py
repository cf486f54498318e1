# typing
