DROP TABLE exchange_files;
