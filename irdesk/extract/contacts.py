def extract_contacts(text, release, sections):
    return []
