def extract_presentations(text, release, compounds, sections):
    return []
