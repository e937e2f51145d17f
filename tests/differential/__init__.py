"""Differential tests: the same scenarios through real Streamlit and through streamlet."""
