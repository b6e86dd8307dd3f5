#!/usr/bin/env python3
"""Generate the nCEN code-list seed migration.

Writes migrations/2026-11-28-000002_seed_codelists/{up,down}.sql.

The generated SQL is committed so that building and migrating nCEN does not
need Python. Re-run this script after editing the lists below:

    pip install pycountry==26.2.16
    python3 scripts/gen_codelists.py

Output is deterministic for a given pycountry version (no timestamps, stable
ordering). Countries (ISO 3166-1) and currencies (ISO 4217), with their French
names, come from pycountry and its gettext catalogues; every other list is
defined here with hand-written English and French labels.

Target tables (created by migration 2026-11-28-000001_platform):
    codelists(name, description, parent_list)
    codelist_entries(list_name, code, parent_code, labels, attributes, sort_order)
"""

from __future__ import annotations

import gettext
import json
import re
import sys
import unicodedata
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "migrations" / "2026-11-28-000002_seed_codelists"

# ---------------------------------------------------------------------------
# Hand-maintained lists. Each entry: (code, english label, french label).
# sort_order is assigned 10, 20, 30… in the order given.
# ---------------------------------------------------------------------------

COMMODITY_GROUPS = [
    ("drugs", "Drugs", "Drogues"),
    ("tobacco", "Tobacco and cigarettes", "Tabac et cigarettes"),
    ("alcohol", "Alcohol", "Alcool"),
    ("currency", "Currency and bearer instruments", "Espèces et instruments au porteur"),
    ("ipr", "Intellectual property (counterfeit and pirated goods)",
     "Propriété intellectuelle (contrefaçons et marchandises piratées)"),
    ("medicines", "Medicines and pharmaceuticals", "Médicaments et produits pharmaceutiques"),
    ("weapons", "Weapons, ammunition and explosives", "Armes, munitions et explosifs"),
    ("strategic_goods", "Strategic and dual-use goods", "Biens stratégiques et à double usage"),
    ("nuclear", "Nuclear and radioactive material", "Matières nucléaires et radioactives"),
    ("precursors", "Precursor chemicals", "Précurseurs chimiques"),
    ("wildlife", "Wildlife and CITES species", "Faune, flore et espèces CITES"),
    ("timber", "Timber", "Bois"),
    ("hazardous_waste", "Hazardous waste and ozone-depleting substances",
     "Déchets dangereux et substances appauvrissant la couche d'ozone"),
    ("cultural_heritage", "Cultural heritage", "Patrimoine culturel"),
    ("other_fraud", "Other commercial fraud", "Autres fraudes commerciales"),
]

# group code -> [(type code, en, fr)]; the "other" entry of each group is
# always "<group>_other" and is appended last.
COMMODITY_TYPES = {
    "drugs": [
        ("cannabis_herb", "Cannabis herb (marijuana)", "Herbe de cannabis (marijuana)"),
        ("cannabis_resin", "Cannabis resin (hashish)", "Résine de cannabis (haschich)"),
        ("cannabis_plants", "Cannabis plants", "Plants de cannabis"),
        ("cannabis_oil", "Cannabis oil", "Huile de cannabis"),
        ("coca_leaves", "Coca leaves", "Feuilles de coca"),
        ("cocaine", "Cocaine", "Cocaïne"),
        ("crack", "Crack cocaine", "Crack (cocaïne base)"),
        ("opium", "Opium", "Opium"),
        ("heroin", "Heroin", "Héroïne"),
        ("fentanyl", "Fentanyl and analogues", "Fentanyl et analogues"),
        ("methamphetamine", "Methamphetamine", "Méthamphétamine"),
        ("amphetamine", "Amphetamine", "Amphétamine"),
        ("captagon", "Captagon", "Captagon"),
        ("mdma", "MDMA / ecstasy", "MDMA / ecstasy"),
        ("lsd", "LSD", "LSD"),
        ("ketamine", "Ketamine", "Kétamine"),
        ("khat", "Khat", "Khat"),
        ("nps", "New psychoactive substances (NPS)", "Nouvelles substances psychoactives (NSP)"),
        ("tramadol", "Tramadol", "Tramadol"),
        ("psychotropic_tablets", "Psychotropic tablets (benzodiazepines, barbiturates…)",
         "Comprimés psychotropes (benzodiazépines, barbituriques…)"),
        ("drugs_other", "Other drugs", "Autres drogues"),
    ],
    "tobacco": [
        ("cigarettes", "Cigarettes", "Cigarettes"),
        ("cigars", "Cigars and cigarillos", "Cigares et cigarillos"),
        ("raw_tobacco", "Raw tobacco (unmanufactured)", "Tabac brut (non fabriqué)"),
        ("cut_tobacco", "Fine-cut and rolling tobacco", "Tabac coupé fin et tabac à rouler"),
        ("pipe_tobacco", "Pipe tobacco", "Tabac pour pipe"),
        ("waterpipe_tobacco", "Water-pipe tobacco (shisha)", "Tabac à narguilé (chicha)"),
        ("smokeless_tobacco", "Smokeless tobacco (chewing tobacco, snuff, snus)",
         "Tabac sans fumée (tabac à mâcher, tabac à priser, snus)"),
        ("heated_tobacco", "Heated tobacco products", "Produits du tabac à chauffer"),
        ("e_cigarettes", "Electronic cigarettes", "Cigarettes électroniques"),
        ("e_liquids", "E-liquids", "Liquides pour cigarettes électroniques"),
        ("tobacco_machinery", "Cigarette-making machinery and materials (filters, paper)",
         "Machines et matériaux de fabrication de cigarettes (filtres, papier)"),
        ("tobacco_other", "Other tobacco products", "Autres produits du tabac"),
    ],
    "alcohol": [
        ("spirits", "Spirits", "Spiritueux"),
        ("wine", "Wine", "Vin"),
        ("sparkling_wine", "Sparkling wine", "Vins mousseux"),
        ("beer", "Beer", "Bière"),
        ("ethanol", "Ethyl alcohol (undenatured)", "Alcool éthylique (non dénaturé)"),
        ("illicit_spirits", "Illicitly distilled or adulterated alcohol",
         "Alcool de distillation illicite ou frelaté"),
        ("alcohol_other", "Other alcoholic beverages", "Autres boissons alcooliques"),
    ],
    "currency": [
        ("banknotes", "Banknotes", "Billets de banque"),
        ("coins", "Coins", "Pièces de monnaie"),
        ("cheques", "Cheques", "Chèques"),
        ("travellers_cheques", "Traveller's cheques", "Chèques de voyage"),
        ("bearer_instruments", "Other bearer negotiable instruments (bonds, promissory notes)",
         "Autres instruments négociables au porteur (obligations, billets à ordre)"),
        ("prepaid_cards", "Prepaid cards", "Cartes prépayées"),
        ("gold", "Gold and precious metals", "Or et métaux précieux"),
        ("precious_stones", "Precious stones", "Pierres précieuses"),
        ("counterfeit_currency", "Counterfeit currency", "Fausse monnaie"),
        ("currency_other", "Other currency or bearer instruments",
         "Autres espèces ou instruments au porteur"),
    ],
    "ipr": [
        ("ipr_clothing", "Clothing and accessories", "Vêtements et accessoires"),
        ("ipr_footwear", "Footwear", "Chaussures"),
        ("ipr_bags", "Bags, wallets and leather goods", "Sacs, portefeuilles et maroquinerie"),
        ("ipr_watches_jewellery", "Watches and jewellery", "Montres et bijoux"),
        ("ipr_sunglasses", "Sunglasses and eyewear", "Lunettes de soleil et lunetterie"),
        ("ipr_perfumes_cosmetics", "Perfumes and cosmetics", "Parfums et cosmétiques"),
        ("ipr_electronics", "Mobile phones, electronics and accessories",
         "Téléphones mobiles, électronique et accessoires"),
        ("ipr_toys", "Toys and games", "Jouets et jeux"),
        ("ipr_foodstuffs", "Foodstuffs and beverages", "Denrées alimentaires et boissons"),
        ("ipr_vehicle_parts", "Vehicle parts and accessories", "Pièces et accessoires de véhicules"),
        ("ipr_media_software", "Pirated media and software (CDs, DVDs, games)",
         "Supports et logiciels piratés (CD, DVD, jeux)"),
        ("ipr_labels_packaging", "Labels, tags and packaging", "Étiquettes, marquages et emballages"),
        ("ipr_other", "Other counterfeit or pirated goods", "Autres contrefaçons ou marchandises piratées"),
    ],
    "medicines": [
        ("falsified_medicines", "Falsified or counterfeit medicines", "Médicaments falsifiés ou contrefaits"),
        ("unauthorised_medicines", "Unauthorised or unlicensed medicines",
         "Médicaments non autorisés ou sans autorisation de mise sur le marché"),
        ("erectile_dysfunction", "Erectile dysfunction medicines", "Médicaments contre la dysfonction érectile"),
        ("steroids_hormones", "Anabolic steroids and hormones", "Stéroïdes anabolisants et hormones"),
        ("slimming_products", "Slimming products", "Produits amaigrissants"),
        ("antibiotics", "Antibiotics", "Antibiotiques"),
        ("antimalarials", "Antimalarials", "Antipaludiques"),
        ("analgesics", "Painkillers (analgesics)", "Antidouleurs (analgésiques)"),
        ("vaccines_biologicals", "Vaccines and biological products", "Vaccins et produits biologiques"),
        ("active_ingredients", "Active pharmaceutical ingredients", "Principes actifs pharmaceutiques"),
        ("medical_devices", "Medical devices (including test kits)",
         "Dispositifs médicaux (y compris les kits de test)"),
        ("medicines_other", "Other medicines and pharmaceuticals",
         "Autres médicaments et produits pharmaceutiques"),
    ],
    "weapons": [
        ("handguns", "Handguns (pistols, revolvers)", "Armes de poing (pistolets, revolvers)"),
        ("long_guns", "Rifles and shotguns", "Armes d'épaule (fusils et carabines)"),
        ("automatic_weapons", "Automatic and military firearms", "Armes automatiques et armes de guerre"),
        ("firearm_parts", "Firearm parts and components", "Pièces et éléments d'armes à feu"),
        ("ammunition", "Ammunition", "Munitions"),
        ("explosives", "Explosives and detonators", "Explosifs et détonateurs"),
        ("pyrotechnics", "Fireworks and pyrotechnic articles", "Feux d'artifice et articles pyrotechniques"),
        ("gas_alarm_weapons", "Gas, alarm and signal weapons", "Armes à gaz, d'alarme et de signalisation"),
        ("air_weapons", "Air guns", "Armes à air comprimé"),
        ("bladed_weapons", "Bladed weapons", "Armes blanches"),
        ("electroshock_sprays", "Electroshock weapons and incapacitant sprays",
         "Armes à impulsion électrique et aérosols incapacitants"),
        ("weapons_other", "Other weapons", "Autres armes"),
    ],
    "strategic_goods": [
        ("military_goods", "Military equipment (military list)", "Matériels de guerre (liste militaire)"),
        ("dual_use_chemicals", "Dual-use chemicals", "Produits chimiques à double usage"),
        ("dual_use_biological", "Dual-use biological agents and equipment",
         "Agents et équipements biologiques à double usage"),
        ("materials_processing", "Materials processing equipment (machine tools)",
         "Équipements de traitement des matériaux (machines-outils)"),
        ("special_materials", "Special materials and related equipment",
         "Matériaux spéciaux et équipements connexes"),
        ("electronics_computers", "Electronics and computers", "Électronique et ordinateurs"),
        ("telecom_infosec", "Telecommunications and information security",
         "Télécommunications et sécurité de l'information"),
        ("sensors_lasers", "Sensors and lasers", "Capteurs et lasers"),
        ("navigation_avionics", "Navigation and avionics", "Navigation et avionique"),
        ("aerospace_propulsion", "Aerospace and propulsion (including drones and parts)",
         "Aérospatiale et propulsion (y compris drones et pièces)"),
        ("torture_goods", "Goods that could be used for capital punishment or torture",
         "Biens susceptibles d'être utilisés pour infliger la peine capitale ou la torture"),
        ("sanctioned_goods", "Goods subject to sanctions or embargo",
         "Marchandises soumises à des sanctions ou à un embargo"),
        ("strategic_goods_other", "Other strategic or dual-use goods",
         "Autres biens stratégiques ou à double usage"),
    ],
    "nuclear": [
        ("nuclear_material", "Nuclear material (uranium, plutonium, thorium)",
         "Matières nucléaires (uranium, plutonium, thorium)"),
        ("radioactive_sources", "Sealed radioactive sources", "Sources radioactives scellées"),
        ("contaminated_goods", "Radioactively contaminated goods or scrap metal",
         "Marchandises ou ferraille contaminées par la radioactivité"),
        ("radioactive_waste", "Radioactive waste", "Déchets radioactifs"),
        ("norm", "Naturally occurring radioactive material (NORM)",
         "Matières radioactives naturelles (NORM)"),
        ("nuclear_equipment", "Nuclear-related equipment and components",
         "Équipements et composants liés au nucléaire"),
        ("nuclear_other", "Other nuclear or radioactive material",
         "Autres matières nucléaires ou radioactives"),
    ],
    "precursors": [
        ("ephedrine", "Ephedrine and pseudoephedrine", "Éphédrine et pseudoéphédrine"),
        ("p2p_bmk", "P-2-P / BMK and pre-precursors (e.g. APAAN, BMK glycidate)",
         "P-2-P / BMK et pré-précurseurs (p. ex. APAAN, glycidate de BMK)"),
        ("pmk_safrole", "PMK, safrole and MDP-2-P", "PMK, safrole et MDP-2-P"),
        ("acetic_anhydride", "Acetic anhydride", "Anhydride acétique"),
        ("potassium_permanganate", "Potassium permanganate", "Permanganate de potassium"),
        ("fentanyl_precursors", "Fentanyl precursors (NPP, ANPP…)", "Précurseurs du fentanyl (NPP, ANPP…)"),
        ("gbl_bdo", "GBL and 1,4-butanediol", "GBL et 1,4-butanediol"),
        ("solvents_reagents", "Other solvents, acids and reagents", "Autres solvants, acides et réactifs"),
        ("cw_precursors", "Chemical weapons precursors (CWC schedules)",
         "Précurseurs d'armes chimiques (tableaux de la CIAC)"),
        ("explosives_precursors", "Explosives precursors", "Précurseurs d'explosifs"),
        ("precursors_other", "Other precursor chemicals", "Autres précurseurs chimiques"),
    ],
    "wildlife": [
        ("ivory", "Elephant ivory", "Ivoire d'éléphant"),
        ("rhino_horn", "Rhinoceros horn", "Corne de rhinocéros"),
        ("pangolin", "Pangolins and pangolin scales", "Pangolins et écailles de pangolin"),
        ("big_cat_parts", "Big cat parts and derivatives", "Parties et produits de grands félins"),
        ("live_mammals", "Live mammals", "Mammifères vivants"),
        ("live_birds", "Live birds", "Oiseaux vivants"),
        ("live_reptiles", "Live reptiles and amphibians", "Reptiles et amphibiens vivants"),
        ("reptile_skins", "Reptile skins and leather products", "Peaux et articles en cuir de reptiles"),
        ("marine_species", "Marine species (sharks, seahorses, sea cucumbers…)",
         "Espèces marines (requins, hippocampes, holothuries…)"),
        ("glass_eels", "Glass eels (European eel)", "Civelles (anguille européenne)"),
        ("corals_shells", "Corals and shells", "Coraux et coquillages"),
        ("cites_plants", "CITES plants (orchids, cacti, succulents…)",
         "Plantes CITES (orchidées, cactées, plantes succulentes…)"),
        ("traditional_medicine", "Traditional medicines containing protected species",
         "Médecines traditionnelles contenant des espèces protégées"),
        ("bushmeat", "Bushmeat", "Viande de brousse"),
        ("wildlife_other", "Other wildlife products", "Autres produits de la faune et de la flore"),
    ],
    "timber": [
        ("logs", "Logs (roundwood)", "Grumes (bois rond)"),
        ("sawn_timber", "Sawn timber", "Bois sciés"),
        ("rosewood", "Rosewood (Dalbergia, Pterocarpus)", "Bois de rose (Dalbergia, Pterocarpus)"),
        ("ebony", "Ebony", "Ébène"),
        ("agarwood", "Agarwood and agarwood oil", "Bois d'agar et huile d'agar"),
        ("sandalwood", "Sandalwood", "Bois de santal"),
        ("veneer_plywood", "Veneer and plywood", "Placages et contreplaqués"),
        ("charcoal", "Charcoal", "Charbon de bois"),
        ("wood_products", "Furniture and wood products", "Meubles et ouvrages en bois"),
        ("timber_other", "Other timber", "Autres bois"),
    ],
    "hazardous_waste": [
        ("e_waste", "Waste electrical and electronic equipment (WEEE)",
         "Déchets d'équipements électriques et électroniques (DEEE)"),
        ("end_of_life_vehicles", "End-of-life vehicles and parts", "Véhicules hors d'usage et pièces"),
        ("used_batteries", "Used batteries and accumulators", "Piles et accumulateurs usagés"),
        ("plastic_waste", "Plastic waste", "Déchets plastiques"),
        ("metal_waste", "Metal waste and scrap", "Déchets métalliques et ferraille"),
        ("chemical_waste", "Chemical waste and waste oils", "Déchets chimiques et huiles usagées"),
        ("medical_waste", "Medical waste", "Déchets médicaux"),
        ("ods", "Ozone-depleting substances (CFCs, HCFCs, halons)",
         "Substances appauvrissant la couche d'ozone (CFC, HCFC, halons)"),
        ("hfcs", "Fluorinated greenhouse gases (HFCs)", "Gaz à effet de serre fluorés (HFC)"),
        ("ods_equipment", "Equipment containing ODS or HFCs",
         "Équipements contenant des SAO ou des HFC"),
        ("pesticides_pops", "Banned pesticides and persistent organic pollutants (POPs)",
         "Pesticides interdits et polluants organiques persistants (POP)"),
        ("mercury", "Mercury and mercury-added products", "Mercure et produits contenant du mercure ajouté"),
        ("hazardous_waste_other", "Other hazardous waste", "Autres déchets dangereux"),
    ],
    "cultural_heritage": [
        ("archaeological_objects", "Archaeological objects", "Objets archéologiques"),
        ("ancient_coins", "Ancient coins", "Monnaies anciennes"),
        ("paintings_drawings", "Paintings and drawings", "Peintures et dessins"),
        ("sculptures", "Sculptures and statues", "Sculptures et statues"),
        ("religious_objects", "Religious objects and icons", "Objets religieux et icônes"),
        ("manuscripts_books", "Manuscripts, rare books and archives", "Manuscrits, livres rares et archives"),
        ("ethnographic_objects", "Ethnographic objects", "Objets ethnographiques"),
        ("architectural_elements", "Architectural elements", "Éléments architecturaux"),
        ("fossils", "Fossils and palaeontological objects", "Fossiles et objets paléontologiques"),
        ("cultural_heritage_other", "Other cultural property", "Autres biens culturels"),
    ],
    "other_fraud": [
        ("undervaluation", "Undervaluation", "Sous-évaluation"),
        ("misclassification", "Tariff misclassification", "Fausse déclaration d'espèce tarifaire"),
        ("origin_fraud", "False declaration of origin", "Fausse déclaration d'origine"),
        ("antidumping_evasion", "Anti-dumping duty evasion", "Contournement de droits antidumping"),
        ("undeclared_goods", "Undeclared goods (smuggling)", "Marchandises non déclarées (contrebande)"),
        ("transit_fraud", "Transit fraud (diversion)", "Fraude au transit (détournement)"),
        ("fuel", "Mineral oils and fuel", "Huiles minérales et carburants"),
        ("stolen_vehicles", "Stolen vehicles", "Véhicules volés"),
        ("agrifood", "Agricultural products and foodstuffs", "Produits agricoles et denrées alimentaires"),
        ("unsafe_products", "Products not complying with safety standards",
         "Produits non conformes aux normes de sécurité"),
        ("other_fraud_other", "Other commercial fraud", "Autre fraude commerciale"),
    ],
}

DETECTION_METHODS = [
    ("risk_profiling", "Risk profiling / targeting", "Profilage des risques / ciblage"),
    ("intelligence", "Intelligence or tip-off", "Renseignement ou dénonciation"),
    ("watch_list_hit", "Watch-list hit", "Concordance avec une liste de surveillance"),
    ("routine_control", "Routine control", "Contrôle de routine"),
    ("random_selection", "Random selection", "Sélection aléatoire"),
    ("document_check", "Document check", "Contrôle documentaire"),
    ("physical_examination", "Physical examination", "Examen physique (visite)"),
    ("xray_nii", "X-ray / non-intrusive inspection", "Rayons X / inspection non intrusive"),
    ("detector_dog", "Detector dog", "Chien détecteur"),
    ("post_clearance_audit", "Post-clearance audit", "Contrôle a posteriori"),
    ("joint_operation", "Joint operation", "Opération conjointe"),
    ("other", "Other", "Autre"),
]

CONCEALMENT_METHODS = [
    ("none", "None (openly carried)", "Aucune (transporté à découvert)"),
    ("in_luggage", "In luggage", "Dans les bagages"),
    ("false_compartment", "False bottom or compartment", "Double fond ou compartiment aménagé"),
    ("on_body", "On the body", "Sur le corps"),
    ("inside_body", "Inside the body (swallowed/inserted)",
     "À l'intérieur du corps (ingéré/inséré)"),
    ("in_clothing", "In clothing or shoes", "Dans les vêtements ou les chaussures"),
    ("mixed_with_cargo", "Mixed with legitimate cargo", "Mélangé à une cargaison licite"),
    ("conveyance_structure", "In the structure of the conveyance",
     "Dans la structure du moyen de transport"),
    ("container_structure", "In the container structure", "Dans la structure du conteneur"),
    ("postal_express", "In postal or express parcels", "Dans des colis postaux ou express"),
    ("in_goods", "In goods (e.g. hollowed objects)", "Dans des marchandises (p. ex. objets évidés)"),
    ("misdeclared", "Misdeclared", "Fausse déclaration"),
    ("other", "Other", "Autre"),
]

LOCATION_TYPES = [
    ("airport", "Airport", "Aéroport"),
    ("seaport", "Seaport", "Port maritime"),
    ("land_border", "Land border crossing", "Point de passage frontalier terrestre"),
    ("rail", "Rail", "Ferroviaire"),
    ("postal_centre", "Postal centre", "Centre postal"),
    ("express_hub", "Express courier hub", "Plateforme de fret express"),
    ("free_zone", "Free zone", "Zone franche"),
    ("inland", "Inland", "Intérieur du territoire"),
    ("other", "Other", "Autre"),
]

CONVEYANCE_TYPES = [
    ("private_car", "Private car", "Voiture particulière"),
    ("truck", "Truck", "Camion"),
    ("bus", "Bus", "Autocar"),
    ("rail", "Rail", "Train"),
    ("container_vessel", "Container vessel", "Porte-conteneurs"),
    ("bulk_carrier", "Bulk carrier", "Vraquier"),
    ("tanker", "Tanker", "Navire-citerne"),
    ("ferry", "Ferry", "Ferry (transbordeur)"),
    ("fishing_vessel", "Fishing vessel", "Navire de pêche"),
    ("pleasure_craft", "Pleasure craft", "Navire de plaisance"),
    ("passenger_aircraft", "Commercial passenger aircraft", "Avion commercial de passagers"),
    ("cargo_aircraft", "Cargo aircraft", "Avion-cargo"),
    ("private_aircraft", "Private aircraft", "Avion privé"),
    ("postal_item", "Postal item", "Envoi postal"),
    ("express_parcel", "Express parcel", "Colis express"),
    ("container", "Container", "Conteneur"),
    ("pedestrian", "Pedestrian", "Piéton"),
    ("other", "Other", "Autre"),
]

# (code, en, fr, kg_factor or None)
UNITS_OF_MEASURE = [
    ("kg", "Kilogram (kg)", "Kilogramme (kg)", 1),
    ("g", "Gram (g)", "Gramme (g)", 0.001),
    ("l", "Litre (l)", "Litre (l)", None),
    ("ml", "Millilitre (ml)", "Millilitre (ml)", None),
    ("pcs", "Pieces", "Pièces", None),
    ("sticks", "Sticks (cigarettes)", "Bâtonnets (cigarettes)", None),
    ("packs", "Packs", "Paquets", None),
    ("cartons", "Cartons", "Cartouches", None),
    ("tablets", "Tablets", "Comprimés", None),
    ("doses", "Doses", "Doses", None),
    ("m3", "Cubic metre (m³)", "Mètre cube (m³)", None),
    ("heads", "Heads (live animals)", "Têtes (animaux vivants)", None),
]

DOCUMENT_TYPES = [
    ("passport", "Passport", "Passeport"),
    ("national_id_card", "National identity card", "Carte nationale d'identité"),
    ("residence_permit", "Residence permit", "Titre de séjour"),
    ("driving_licence", "Driving licence", "Permis de conduire"),
    ("seafarer_id", "Seafarer's identity document", "Pièce d'identité des gens de mer"),
    ("visa", "Visa", "Visa"),
    ("travel_document", "Travel document (refugee/stateless person)",
     "Titre de voyage (réfugié/apatride)"),
    ("crew_member_certificate", "Crew member certificate", "Certificat de membre d'équipage"),
    ("other", "Other", "Autre"),
]

INVESTIGATION_PRIORITIES = [
    ("low", "Low", "Faible"),
    ("medium", "Medium", "Moyenne"),
    ("high", "High", "Élevée"),
    ("critical", "Critical", "Critique"),
]

PERSON_ROLES = [
    ("offender", "Offender", "Contrevenant"),
    ("suspect", "Suspect", "Suspect"),
    ("courier", "Courier", "Passeur"),
    ("driver", "Driver", "Conducteur"),
    ("passenger", "Passenger", "Passager"),
    ("consignor", "Consignor", "Expéditeur"),
    ("consignee", "Consignee", "Destinataire"),
    ("owner", "Owner", "Propriétaire"),
    ("witness", "Witness", "Témoin"),
]

COMPANY_ROLES = [
    ("importer", "Importer", "Importateur"),
    ("exporter", "Exporter", "Exportateur"),
    ("consignor", "Consignor", "Expéditeur"),
    ("consignee", "Consignee", "Destinataire"),
    ("carrier", "Carrier", "Transporteur"),
    ("forwarder", "Freight forwarder", "Transitaire"),
    ("broker", "Customs broker", "Commissionnaire en douane"),
    ("manufacturer", "Manufacturer", "Fabricant"),
]

DIRECTIONS = [
    ("import", "Import", "Importation"),
    ("export", "Export", "Exportation"),
    ("transit", "Transit", "Transit"),
    ("transhipment", "Transhipment", "Transbordement"),
    ("domestic", "Domestic", "Intérieur"),
]

ROUTE_LEG_ROLES = [
    ("origin", "Origin", "Origine"),
    ("departure", "Departure", "Départ"),
    ("transit", "Transit", "Transit"),
    ("destination", "Destination", "Destination"),
]

# French names in pycountry's iso4217 catalogue that are wrong, dated or
# missing (untranslated); corrected here.
CURRENCY_FR_OVERRIDES = {
    "AFN": "Afghani",
    "AOA": "Kwanza",
    "CNY": "Yuan renminbi",
    "ERN": "Nakfa",
    "HKD": "Dollar de Hong Kong",
    "ILS": "Nouveau shekel israélien",
    "LAK": "Kip",
    "LRD": "Dollar libérien",
    "PEN": "Sol",
    "PLN": "Zloty",
    "TMT": "Nouveau manat turkmène",
    "TWD": "Nouveau dollar de Taïwan",
    "XAD": "Dinar arabe de compte",
    "XCG": "Florin caribéen",
    "ZWG": "Or du Zimbabwe (ZiG)",
}

# ---------------------------------------------------------------------------

CODE_RE = re.compile(r"^[a-z0-9_]+$")


def entry(code, en, fr, sort_order, parent_code=None, attributes=None):
    return {
        "code": code,
        "parent_code": parent_code,
        "labels": {"en": en, "fr": fr},
        "attributes": attributes or {},
        "sort_order": sort_order,
    }


def simple(items):
    return [entry(c, en, fr, (i + 1) * 10) for i, (c, en, fr) in enumerate(items)]


def sort_key(label: str, code: str):
    """Accent- and case-insensitive, locale-independent alphabetical key."""
    decomposed = unicodedata.normalize("NFKD", label)
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return (base.casefold(), label, code)


class _Untranslated(gettext.NullTranslations):
    """Fallback that reports a missing catalogue entry as None."""

    def gettext(self, message):
        return None


def _catalogue(domain):
    tr = gettext.translation(domain, pycountry.LOCALES_DIR, languages=["fr"])
    tr.add_fallback(_Untranslated())
    return tr


def countries():
    fr = _catalogue("iso3166-1")
    rows = []
    for c in pycountry.countries:
        common = getattr(c, "common_name", None)
        en = common or c.name
        # French for the common name when the catalogue has it (e.g. "Corée du
        # Sud"), else French for the formal ISO name, else the English name.
        fr_label = (common and fr.gettext(common)) or fr.gettext(c.name) or c.name
        rows.append((c.alpha_2, en, fr_label, {"alpha3": c.alpha_3, "numeric": c.numeric}))
    rows.sort(key=lambda r: sort_key(r[1], r[0]))
    return [entry(code, en, frl, i + 1, attributes=a) for i, (code, en, frl, a) in enumerate(rows)]


def currencies():
    fr = _catalogue("iso4217")
    rows = []
    for c in pycountry.currencies:
        fr_label = CURRENCY_FR_OVERRIDES.get(c.alpha_3) or fr.gettext(c.name) or c.name
        rows.append((c.alpha_3, c.name, fr_label, {"numeric": c.numeric}))
    rows.sort(key=lambda r: sort_key(r[1], r[0]))
    return [entry(code, en, frl, i + 1, attributes=a) for i, (code, en, frl, a) in enumerate(rows)]


def commodity_types():
    out = []
    group_codes = [g[0] for g in COMMODITY_GROUPS]
    assert list(COMMODITY_TYPES) == group_codes, "commodity types must cover every group, in order"
    for group in group_codes:
        items = COMMODITY_TYPES[group]
        assert 4 <= len(items), f"{group}: too few types"
        assert items[-1][0] == f"{group}_other", f"{group}: last type must be {group}_other"
        for i, (code, en, fr) in enumerate(items):
            out.append(entry(code, en, fr, (i + 1) * 10, parent_code=group))
    return out


# (name, description, parent_list, entries) — parents before children.
def build_lists():
    return [
        ("commodity_groups", "Commodity groups of seized goods", None, simple(COMMODITY_GROUPS)),
        ("commodity_types", "Commodity types within a commodity group", "commodity_groups",
         commodity_types()),
        ("detection_methods", "How an offence or seizure was detected", None, simple(DETECTION_METHODS)),
        ("concealment_methods", "How goods were concealed", None, simple(CONCEALMENT_METHODS)),
        ("location_types", "Types of place where a seizure is made or an office is located", None,
         simple(LOCATION_TYPES)),
        ("conveyance_types", "Types of conveyance (means of transport, containers, postal items)", None,
         simple(CONVEYANCE_TYPES)),
        ("units_of_measure", "Units of measure for quantities of goods, with conversion factor to kg", None,
         [entry(c, en, fr, (i + 1) * 10, attributes={"kg_factor": k})
          for i, (c, en, fr, k) in enumerate(UNITS_OF_MEASURE)]),
        ("countries", "Countries and territories (ISO 3166-1)", None, countries()),
        ("currencies", "Currencies (ISO 4217)", None, currencies()),
        ("document_types", "Identity and travel document types", None, simple(DOCUMENT_TYPES)),
        ("investigation_priorities", "Investigation priorities", None, simple(INVESTIGATION_PRIORITIES)),
        ("person_roles", "Roles of a person linked to a seizure case", None, simple(PERSON_ROLES)),
        ("company_roles", "Roles of a company linked to a seizure case", None, simple(COMPANY_ROLES)),
        ("directions", "Direction of the movement of goods", None, simple(DIRECTIONS)),
        ("route_leg_roles", "Roles of a leg in the route of a shipment", None, simple(ROUTE_LEG_ROLES)),
    ]


def validate(lists):
    names = set()
    for name, _desc, parent, entries in lists:
        assert name not in names, name
        assert parent is None or parent in names, f"{name}: parent {parent} must come first"
        names.add(name)
        codes = set()
        for e in entries:
            code = e["code"]
            assert code not in codes, f"{name}: duplicate code {code}"
            codes.add(code)
            if name not in ("countries", "currencies", "units_of_measure"):
                assert CODE_RE.match(code), f"{name}: bad code {code}"
            for lang in ("en", "fr"):
                assert e["labels"][lang].strip(), f"{name}/{code}: missing {lang} label"
        if parent:
            parent_codes = {e["code"] for e in next(x for x in lists if x[0] == parent)[3]}
            for e in entries:
                assert e["parent_code"] in parent_codes, f"{name}/{e['code']}: bad parent"


def q(value) -> str:
    """SQL literal (standard_conforming_strings: only ' needs doubling)."""
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def j(obj) -> str:
    return q(json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))) + "::jsonb"


def render(lists):
    version = getattr(pycountry, "__version__", None)
    if version is None:
        from importlib.metadata import version as pkg_version
        version = pkg_version("pycountry")
    up = [
        "-- GENERATED by scripts/gen_codelists.py — do not edit",
        f"-- Source: hand-maintained lists in the script; ISO 3166-1 / ISO 4217 from pycountry {version}.",
        "",
        "INSERT INTO codelists (name, description, parent_list) VALUES",
        ",\n".join(f"  ({q(n)}, {q(d)}, {q(p)})" for n, d, p, _ in lists) + ";",
    ]
    for name, _d, _p, entries in lists:
        up.append("")
        up.append(f"-- {name}: {len(entries)} entries")
        up.append("INSERT INTO codelist_entries (list_name, code, parent_code, labels, attributes, sort_order) VALUES")
        up.append(",\n".join(
            f"  ({q(name)}, {q(e['code'])}, {q(e['parent_code'])}, {j(e['labels'])}, "
            f"{j(e['attributes'])}, {q(e['sort_order'])})"
            for e in entries
        ) + ";")
    up.append("")

    # Children lists first when deleting.
    rev = [n for n, *_ in reversed(lists)]
    in_list = ",\n  ".join(q(n) for n in rev)
    down = [
        "-- GENERATED by scripts/gen_codelists.py — do not edit",
        "",
        f"DELETE FROM codelist_entries WHERE list_name IN (\n  {in_list}\n);",
        "",
    ]
    # Delete child lists before their parents (parent_list FK).
    children = [n for n, _d, p, _ in reversed(lists) if p is not None]
    parents = [n for n in rev if n not in children]
    for group in (children, parents):
        down.append("DELETE FROM codelists WHERE name IN (\n  " + ",\n  ".join(q(n) for n in group) + "\n);")
    down.append("")
    return "\n".join(up), "\n".join(down)


def main() -> int:
    lists = build_lists()
    validate(lists)
    up, down = render(lists)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "up.sql").write_text(up, encoding="utf-8")
    (OUT_DIR / "down.sql").write_text(down, encoding="utf-8")
    for name, _d, _p, entries in lists:
        print(f"{name:26} {len(entries):4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
