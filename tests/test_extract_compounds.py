"""Compounds on short fictional snippets: INN stems, aliases, owners, targets, fine print."""

from __future__ import annotations

from irdesk.extract import extract_text
from irdesk.extract.inn import find_inns, looks_like_inn, stem_of

HEAD = ("Acme Bio Reports Data\n\n"
        "SPRINGFIELD, Ill., Dec. 3, 2024 /PRNewswire/ -- Acme Bio, Inc. (NASDAQ: ACMB) today announced data "
        "for ACM-101, its CD99-targeting antibody.\n\n")


def compounds(body: str) -> dict:
    return {c.name: c for c in extract_text(HEAD + body).compounds}


def test_stems_from_the_who_list():
    assert stem_of("zorbatinib").stem == "tinib"
    assert stem_of("quixociclib").stem == "ciclib"
    assert stem_of("felzartug").stem == "tug"
    assert stem_of("bepoetin") is None  # a stem must leave three letters before it
    names = [m.name for m in find_inns("We dosed zorbatinib. The concept is a timeline, a medicine and a nucleotide.")]
    assert names == ["zorbatinib"]


def test_two_word_inns():
    text = "patients received quixotuzumab velodotin and elbrogene zantoparvovec and zarbepoetin alfa"
    assert [m.name for m in find_inns(text)] == ["quixotuzumab velodotin", "elbrogene zantoparvovec", "zarbepoetin alfa"]


def test_weak_stem_needs_drug_context():
    found = compounds("Dr. Lena Gundersen spoke. The transgene was studied. Patients on velmatide 10 mg improved.\n")
    assert "velmatide" in found
    assert not {"Gundersen", "transgene"} & set(found)


def test_brand_with_bracketed_inn_and_aliases():
    found = compounds("ZORBIX® (zorbatinib) tablets are approved. Quixociclib (ACM-202, formerly QX-17/QX17B) "
                      "is an investigational drug. Patients received velotide (aka ACM-303 or ZZ-88) orally.\n")
    assert found["ZORBIX"].aliases == ["zorbatinib"]
    assert {"QX-17", "QX17B"} <= set(found["ACM-202"].aliases)
    (velotide,) = [c for c in found.values() if "velotide" in c.all_names()]
    assert {"ACM-303", "ZZ-88"} <= set(velotide.all_names())
    assert looks_like_inn("lofexidine") and not looks_like_inn("tablets")


def test_owner_only_where_the_text_ties_one():
    found = compounds("The World's first data for Quixociclib, a drug marketed by Borealis Pharma, were shown. "
                      "Crohn's disease patients received ACM-101 in the trial.\n")
    assert found["ACM-101"].company == "Acme Bio, Inc."
    assert found["Quixociclib"].company == "Borealis Pharma"


def test_wire_issuer_owns_nothing():
    text = ("ACM-101 Update\n\nNEW YORK, May 1, 2025 /BioWireNews/ -- BioWireNews -- The drug ACM-101 showed "
            "benefit in a Phase 2 trial.\n")
    (c,) = [c for c in extract_text(text).compounds if c.name == "ACM-101"]
    assert c.company != "BioWireNews"


def test_trials_targets_and_numbers_are_not_compounds():
    found = compounds("The ZENITH-2 study enrolled patients. TREX-1 inhibitors are a class. ACM-101 was shown in "
                      "Poster MP-21.\n")
    assert not {"ZENITH-2", "TREX-1", "MP-21"} & set(found)


def test_drugs_only_in_safety_information_are_left_out():
    found = compounds("ACM-101 is an investigational drug.\n\nIMPORTANT SAFETY INFORMATION\n"
                      "Avoid use with strong CYP3A inhibitors such as quixoconazole.\n\nAbout Acme Bio\nAcme Bio is "
                      "a company.\n")
    assert "quixoconazole" not in found


def test_ordinary_word_marks_and_company_marks_are_not_drugs():
    found = compounds("Patients used the Assure® patch; we assure quality. Supplied by Borealis® as a drug product. "
                      "Zorbix® is a medicine; Zorbix® tablets.\n")
    assert "Assure" not in found and "Borealis" not in found
    assert "Zorbix" in found


def test_issuer_without_company_name_does_not_crash():
    parsed = extract_text("ACM-101 tablets\n\nACM-101 is a drug. ACM-101 was dosed.\n")
    assert [c.name for c in parsed.compounds] == ["ACM-101"]


def test_code_shapes():
    found = compounds("Patients received ZZX 2680 and 7Q-150, our gene therapy candidates; ZZX 2680 was dosed. "
                      "REGN1979-like names aside, QRST1979 is a candidate. We filed Form F-4 and used Sub-15 nm "
                      "particles in K-12 schools.\n")
    assert {"ZZX 2680", "7Q-150", "QRST1979"} <= set(found)
    assert not {"F-4", "Sub-15", "K-12"} & set(found)


def test_a_mark_is_a_drug_once_any_mention_is():
    found = compounds("ZORBIX® revenue grew. ZORBIX® tablets are approved. Kids Heart Challenge™ raised funds.\n")
    assert "ZORBIX" in found and "Challenge" not in found


def test_capitals_tied_to_an_inn_and_also_known_as():
    found = compounds("ZORBIXA (quixotuzumab velodotin) is approved. Velmatide, also known as ZZ-501, was dosed "
                      "in patients with velmatide 10 mg.\n")
    assert found["ZORBIXA"].aliases == ["quixotuzumab velodotin"]
    (velmatide,) = [c for c in found.values() if "ZZ-501" in c.all_names()]
    assert "velmatide" in [n.lower() for n in velmatide.all_names()]


def test_marks_in_tables_and_two_word_brands():
    text = ("Acme Reports Results\n\nDUBLIN, Feb. 12, 2025 /PRNewswire/ -- Results.\n\n"
            "    ZORBIX(R)       $ 96.6  $ 83.4\n    QUELTA(R)i      $ 77.0  $ 56.2\n\n"
            "* The company recorded ZORBIX(R) revenue of $4 million and QUELTA(R) revenue of $9 million, "
            "and royalties on INVEGA TRINZA(R).\n")
    found = {c.name: c for c in extract_text(text).compounds}
    assert {"ZORBIX", "QUELTA", "INVEGA TRINZA"} <= set(found)
    assert found["ZORBIX"].aliases == [] and found["ZORBIX"].company != "DUBLIN"


def test_targets_in_their_shapes():
    found = compounds("ZZ-501 (QRSTxCD3) is a bispecific antibody. ZZ-502 is a CD19-directed CD3 T cell engager. "
                      "ZZ-503, an investigational therapy targeting angiopoietin-like protein 3 (ANGPTL3), was dosed. "
                      "ZZ-504 works by inhibiting the C5 protein; it is given with an anti-CD38 antibody. "
                      "ZZ-505 is a pyruvate kinase activator. ZZ-506 is an oral JAK1/JAK2 inhibitor.\n")
    assert found["ACM-101"].target == "CD99"
    assert found["ZZ-501"].target == "QRSTxCD3" and found["ZZ-502"].target == "CD19/CD3"
    assert found["ZZ-503"].target == "ANGPTL3" and found["ZZ-504"].target == "C5"
    assert found["ZZ-505"].target == "pyruvate kinase" and found["ZZ-506"].target == "JAK1/JAK2"


def _targets(body: str) -> dict:
    return {c.name: c.target for c in extract_text(HEAD + body).compounds}


def test_target_shapes_in_title_case_and_with_modifiers():
    found = _targets("ZQX-4410 Is a First Oral IL-99 Receptor Antagonist Peptide. "
                     "The paper describes the dual QRK/JAK9 small molecule covalent inhibitor ZQX-5520. "
                     "ZQX-5520 covalently inhibits QRK in cells.\n")
    assert found["ZQX-4410"] == "IL-99 Receptor"
    assert found["ZQX-5520"] == "QRK/JAK9"  # the dual target wins over one of its parts


def test_spelled_out_targets_plural_and_ion_channels():
    found = _targets("ZQX-3350 has been shown to block proteasomes in tumour cells. "
                     "ZQX-6630 is a non-opioid NaV 1.9 inhibitor for pain.\n")
    assert found["ZQX-3350"] == "proteasome"
    assert found["ZQX-6630"] == "NaV 1.9"


def test_inhibitor_abbreviation_defined_elsewhere():
    found = _targets("Acme leads in developing quinolyl-transferase inhibitors (QLTis) for cancer. "
                     "Oral zorbatinib is a potent QLTi given once daily.\n")
    assert found["zorbatinib"] == "quinolyl-transferase"


def test_bispecific_two_targets_and_partner_drugs():
    found = _targets("ZQX-7740, an investigational B-cell antigen (BQMA) CD3-targeted bispecific antibody, was dosed. "
                     "Zorbatinib, an oral PXRP inhibitor, is given in combination with ZQX-8850 (quixociclib).\n")
    assert found["ZQX-7740"] == "BQMA/CD3"
    assert found["Zorbatinib"] == "PXRP"
    assert found["ZQX-8850"] is None  # the partner named after the drug the target belongs to


def test_no_target_from_a_class_a_trial_or_a_transgene():
    found = _targets("ZQX-9960 is a kinase inhibitor in a randomized phase 2 (QUASAR-7) study of ZQX-9960. "
                     "ZQX-1170 is a gene therapy with a vector encoding human quinolyl phosphorylase (QNP).\n")
    assert found["ZQX-9960"] is None
    assert found["ZQX-1170"] is None


def test_target_far_in_a_sentence_about_one_compound():
    found = _targets("ZQX-2280 uses lipid particles to carry the editing machinery into liver cells, where it "
                     "durably switches off a gene called zorbin-like protein 7 (ZBNL7).\n")
    assert found["ZQX-2280"] == "ZBNL7"


def test_no_target_from_a_class_in_the_plural_or_for_a_drug_named_after_it():
    found = _targets("Dr. Vale developed ZQX-3310, as well as a series of QEK inhibitors for cancer. "
                     "Combining a QC4R agonist with incretin therapeutics like ZQX-4420 may help. "
                     "ZQX-5530 is an anti-TGF-β2 oligonucleotide.\n")
    assert found["ZQX-3310"] is None
    assert found["ZQX-4420"] is None
    assert found["ZQX-5530"] == "TGF-β2"


def _names(body: str) -> set:
    return {n for c in extract_text(HEAD + body).compounds for n in c.all_names()}


def test_code_shaped_names_that_are_not_drugs():
    names = _names("Acme Bio is listed on the Taiwan Exchange (TWSE-8812). ZQX-101 is in a Phase 2 trial. "
                   "ZQX-101 is dosed with a dipeptidyl peptidase-4 (DPP-4) inhibitor. Acme also sells one medical "
                   "device (QRV-1701/Zorvue®) for eye surgery. ZQX-101 uses our evolved vector, R200, in the eye. "
                   "R200 was made in-house. QZOS009 is a new Phase Ib/Randomized Phase II, open label study to "
                   "test ZQX-101. QZOS009 will enrol 60 patients. Posters: [P0412 - May 2] and ZQX-101 data. "
                   "ZQX-101 lowers ADAM17 and TDP-43 levels; ADAM17 and TDP-43 fell by half.\n")
    assert "ZQX-101" in names
    assert not {"TWSE-8812", "DPP-4", "QRV-1701", "R200", "QZOS009", "P0412", "ADAM17", "TDP-43"} & names


def test_trial_codes_in_a_list_and_drug_codes_like_exchanges():
    names = _names("The QELODY-2 and QELODY-3 Phase 3 clinical trials of ZQX-101 will begin. QELODY-2 is "
                   "ongoing. Our drug SGX977 (zorbatinib) and NEO404, a drug candidate, were dosed; SGX977 works.\n")
    assert not {"QELODY-2", "QELODY-3"} & names
    assert {"SGX977", "NEO404"} <= names


def test_marks_of_technologies_services_devices_and_glued_headings():
    names = _names("Acme uses its QuoTECH™ enhancement technology with zorbatinib. Acme sells ORBIT® and "
                   "LUMEN® pathology services. Acme has one medical device (QRV-1801/Glimmo®) for surgery; "
                   "Glimmo® is sold in Japan. Patients received zorbatinib.INDICATIONSZORBIX® is indicated "
                   "for adults. ZORBIX® (zorbatinib) tablets were dosed.\n")
    assert not {"QuoTECH", "ORBIT", "LUMEN", "Glimmo", "QRV-1801", "INDICATIONSZORBIX"} & names
    assert "ZORBIX" in names


def test_owner_from_a_trademark_legend_and_of_its():
    found = compounds("ACM-101 was given with QUIXTRA® (quixociclib). Dr. Vale discussed Borealis Pharma’s phase 1 "
                      "trial of its oral drug ZQX-707 in depression. ZQX-707 was well tolerated.\n"
                      "QUIXTRA® is a registered trademark of Nordlys Therapeutics AG.\n")
    assert found["QUIXTRA"].company == "Nordlys Therapeutics AG"
    assert found["ZQX-707"].company == "Borealis Pharma"
    assert found["ACM-101"].company == "Acme Bio, Inc."


def test_ligand_targets_and_cell_markers():
    found = _targets("ZQX-3030 is a humanized monoclonal antibody targeting CD99-ligand for transplant rejection. "
                     "In the report, ZQX-4040 was potent by inhibiting QLK fusion-positive cells.\n")
    assert found["ZQX-3030"] == "CD99 ligand"
    assert found["ZQX-4040"] is None


def test_trial_and_event_marks_are_not_drugs():
    names = _names("ZQX-101 was tested in the Zorbic Stenosis Trials (ZEST-4). ZEST-4 consists of two arms. "
                   "Dr. Vale will present ZQX-101 at the QUBIO® Investment Summit in Toronto. ZQX-101 is a drug.\n")
    assert not {"ZEST-4", "QUBIO"} & names


def test_a_mark_whose_plain_mention_names_a_platform_or_supplement():
    names = _names("Acme licensed QuoSTEM® to partners for ZQX-101. The QuoSTEM platform grows cells. "
                   "Acme sells its VitaMAX™ supplement online. ZORBIX® (zorbatinib) is a drug. ZORBIX.\n\n"
                   "The program also covers ZORBIX dosing.\n")
    assert not {"QuoSTEM", "VitaMAX"} & names
    assert "ZORBIX" in names


def test_antibody_against_and_roman_numbered_enzymes():
    found = _targets("ZQX-5050 is a humanized antibody against QRT7 in trials. "
                     "ZQX-6060, a quinolase II inhibitor, was dosed.\n")
    assert found["ZQX-5050"] == "QRT7"
    assert found["ZQX-6060"] == "quinolase II"


def test_ligands_micrornas_receptor_types_and_word_number_proteins():
    found = _targets("ZQX-1010, a small molecule QITR ligand agonist, was shown. ZQX-2020, an inhibitor of "
                     "microRNA-77b, works. ZQX-3030, a zorbinoid receptor type 1 agonist, helps. ZQX-4040 targets "
                     "Quectin-4, a marker. In Phase-2, ZQX-5050 targets Cohort-3 patients.\n")
    assert found == {"ACM-101": "CD99", "ZQX-1010": "QITR ligand", "ZQX-2020": "microRNA-77b",
                     "ZQX-3030": "zorbinoid receptor type 1", "ZQX-4040": "Quectin-4", "ZQX-5050": None}


def test_no_code_names_in_a_release_outside_medicine():
    text = ("Vintage Car Gala Opens\n\nLONDON, May 1, 2025 /PRNewswire/ -- The QX220 and QX220 Sport will be shown "
            "at the gala. The QX220 program offers a product for collectors.\n" + "The cars are red. " * 100)
    assert extract_text(text).compounds == []


def test_codes_of_pathogens_and_of_things_in_apposition():
    names = _names("ZQX-101 uses discoveries from the human zorbavirus (HZbV-1), which inhibits immunity. "
                   "HZbV-1 peptides were dosed. The QENVA4000, a predictive diagnostic system, was sold; "
                   "QENVA4000 prevented failures. ZQX-101 is a drug.\n")
    assert not {"HZbV-1", "QENVA4000"} & names
    assert "ZQX-101" in names


def test_family_members_by_number():
    found = _targets("ZQX-7070, a QDK4/6 inhibitor, was dosed.\n")
    assert found["ZQX-7070"] == "QDK4/6"


def test_owner_without_a_noun_of_before_it():
    found = compounds("The advancement of studies continues. Studies of Borealis Pharma’s ZQX-808 showed benefit. "
                      "ZQX-808 was dosed.\n")
    assert found["ZQX-808"].company == "Borealis Pharma"


def test_capitals_said_to_be_a_drug_without_a_mark():
    names = _names("Acme prepares the launch of ZORBICHOL PF, its lead candidate for presbyopia. "
                   "Jane Roe, M.D., FAHA, an expert in medicine, spoke about therapy.\n")
    assert "ZORBICHOL PF" in names
    assert "FAHA" not in names


def test_a_drug_said_to_be_in_a_trial_is_no_trial():
    names = _names("ZQX-909 is a twice-daily pill in a phase 2 trial. ZQX-909 lowered weight.\n")
    assert "ZQX-909" in names


def test_code_with_a_formulation_suffix():
    found = compounds("ACM-210 SL, its sublingual tablet, met its endpoint. ACM-210 SL was well tolerated. "
                      "The NDA for ACM-210 is planned.\n")
    assert "ACM-210 SL" in found and "ACM-210" not in found


def test_code_with_a_letter_variant():
    found = compounds("QPX-44-A (QPX-44 with enhanced properties) entered a Phase 1 trial. QPX-44 is our lead candidate.\n")
    assert {"QPX-44-A", "QPX-44"} <= set(found)


def test_disease_in_brackets_is_no_alias():
    found = compounds("Its lead vaccine candidates are ACM-CM7 (COVID-19) and ACM-MV (smallpox). ACM-CM7 is in Phase 2.\n")
    assert found["ACM-CM7"].aliases == []


def test_a_protein_described_as_one_is_no_compound():
    found = compounds("ACM-101 reduces TQP-43 cytoplasmic mislocalization and the splicing associated with "
                      "TQP-43 nuclear loss, improving survival in TQP-43 transgenic fish. ACM-101 is our drug.\n")
    assert "TQP-43" not in found


def test_an_acronym_spelled_out_is_an_organization():
    found = compounds("Data came from the Tumor Research Exchange Network® (TREN). TREN® members treat "
                      "patients with ACM-101, our drug. TREN® holds the records of therapy outcomes.\n")
    assert "TREN" not in found


def test_quoted_alias_in_brackets():
    found = compounds("Acme is developing ZELBRYTE(TM) (\u201cACM-301\u201d or synthetic quinolide) for lymphoma, and "
                      "votaquetide (\"ACM-942\") for mucositis. ZELBRYTE(TM) is in Phase 3; ACM-942 is in Phase 2.\n")
    assert found["ZELBRYTE"].aliases == ["ACM-301"]
    assert "votaquetide" in found["ACM-942"].aliases


def test_a_name_the_text_calls_its_lead_candidate():
    found = compounds("Acme is focused on its lead compound, Zelvo-MS, for multiple sclerosis. Its lead candidate, "
                      "Tumor Shield\u2122 QX-7, is an enzyme. Its lead asset, Research, is a program.\n")
    assert "Zelvo-MS" in found
    assert not {"Tumor", "Research"} & set(found)


def test_inn_with_its_dosage_form_in_brackets():
    found = compounds("Acme markets ZORBIX\u00ae (zorbatinib oral solution) 5 mg for adults. ZORBIX sales grew.\n")
    assert found["ZORBIX"].aliases == ["zorbatinib"]
    assert "zorbatinib" not in found


def test_marks_and_stems_that_name_no_drug():
    found = compounds("Acme launched supplements under the Vitora\u2122 Brand. Its Cryova\u00ae procedure freezes tumors; "
                      "Cryova\u00ae is a therapy. The clinic uses the Zorstim TMS Therapy system. Its Nanoform\u2122 "
                      "everolimus entered a trial of the drug. Vitora\u2122 sales of the product grew.\n")
    assert not {"Vitora", "Cryova", "Zorstim", "Nanoform"} & set(found)


def test_grel_infix_before_or():
    names = [m.name for m in find_inns("Patients took zentagrelor or velogrel after the stent.")]
    assert names == ["zentagrelor", "velogrel"]


def test_a_combination_partner_is_nobodys():
    found = compounds("ACM-101 in combination with zorbatinib improved survival. ACM-101 plus zorbatinib was tolerated. "
                      "Acme also develops velmatide 10 mg for pain.\n")
    assert found["ACM-101"].company
    assert found["zorbatinib"].company is None
    assert found["velmatide"].company


def test_a_trial_named_in_apposition_or_owned():
    found = compounds("Acme plans a Phase 2 clinical trial, ZQPN-203, which will test ACM-101. Acme completed its "
                      "Q417ALS TRIAL study of ACM-101, our drug.\n")
    assert "ACM-101" in found
    assert not {"ZQPN-203", "Q417ALS"} & set(found)


def test_inns_given_with_a_code_are_partners():
    found = compounds("The trial evaluates ACM-101 with carboplatin and pemetrexed in lung cancer.\n")
    assert found["carboplatin"].company is None and found["pemetrexed"].company is None


def test_code_with_a_one_figure_variant_but_not_a_study_number():
    found = compounds("ZNT230-6, Acme's lead candidate, is injected into tumors. ZNT230-6 is in Phase 2. "
                      "Study KQ264-01 enrolled patients.\n")
    assert "ZNT230-6" in found and "KQ264-01" not in found
