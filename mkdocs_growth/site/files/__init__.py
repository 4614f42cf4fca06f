"""site/files"""
