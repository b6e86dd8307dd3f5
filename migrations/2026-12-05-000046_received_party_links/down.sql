DROP TABLE received_party_links;
