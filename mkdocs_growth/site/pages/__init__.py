"""site/pages"""
