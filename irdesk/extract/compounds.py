def extract_compounds(text, release, sections):
    return []
