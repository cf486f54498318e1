# statistics
