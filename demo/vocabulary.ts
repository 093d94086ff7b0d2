/** Word lists of the demo country. All names are invented combinations of common words. */
export const FEMALE_NAMES = ['Mari', 'Liisa', 'Kadri', 'Anu', 'Triin', 'Kristiina', 'Maarja', 'Eva', 'Laura', 'Helen', 'Kati', 'Piret', 'Sandra', 'Elisabeth', 'Grete', 'Hanna', 'Sofia', 'Emma', 'Mia', 'Lenna', 'Irina', 'Olga', 'Tiina', 'Reet'] as const;
export const MALE_NAMES = ['Jaan', 'Mihkel', 'Andres', 'Toomas', 'Priit', 'Martin', 'Rasmus', 'Karl', 'Marten', 'Oskar', 'Robin', 'Sander', 'Tanel', 'Rein', 'Peeter', 'Hugo', 'Lukas', 'Oliver', 'Markus', 'Erik', 'Sergei', 'Dmitri', 'Urmas', 'Indrek'] as const;
export const FAMILY_NAMES = ['Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Kukk', 'Rebane', 'Ilves', 'Pärn', 'Koppel', 'Lepik', 'Kuusk', 'Karu', 'Oja', 'Lill', 'Raud', 'Vaher', 'Kallas', 'Mets', 'Jõgi', 'Org', 'Laur', 'Lind', 'Ivanov', 'Smirnov', 'Kuznetsov', 'Nurk', 'Kivi', 'Põder', 'Luik'] as const;
export const STREETS = ['Tamme', 'Kase', 'Pärna', 'Vahtra', 'Kooli', 'Jaama', 'Pargi', 'Mere', 'Aia', 'Põllu', 'Metsa', 'Nurme', 'Sõpruse', 'Ranna', 'Turu', 'Veski', 'Karja', 'Lossi'] as const;
export const STREET_KINDS = ['tn', 'pst', 'tee'] as const;

/** Cities with their municipality and the first digits of their postal codes, weighted by size. */
export const SETTLEMENTS = [
  { city: 'Tallinn', municipality: 'Tallinn', postalPrefix: '1', weight: 30 },
  { city: 'Tartu', municipality: 'Tartu', postalPrefix: '5', weight: 12 },
  { city: 'Narva', municipality: 'Narva', postalPrefix: '20', weight: 6 },
  { city: 'Pärnu', municipality: 'Pärnu', postalPrefix: '80', weight: 6 },
  { city: 'Kohtla-Järve', municipality: 'Kohtla-Järve', postalPrefix: '30', weight: 4 },
  { city: 'Viljandi', municipality: 'Viljandi', postalPrefix: '71', weight: 3 },
  { city: 'Maardu', municipality: 'Maardu', postalPrefix: '74', weight: 2 },
  { city: 'Rakvere', municipality: 'Rakvere', postalPrefix: '44', weight: 2 },
  { city: 'Kuressaare', municipality: 'Saaremaa', postalPrefix: '93', weight: 2 },
  { city: 'Haapsalu', municipality: 'Haapsalu', postalPrefix: '90', weight: 2 },
  { city: 'Keila', municipality: 'Keila', postalPrefix: '76', weight: 2 },
  { city: 'Saue', municipality: 'Saue', postalPrefix: '76', weight: 2 },
  { city: 'Otepää', municipality: 'Otepää', postalPrefix: '67', weight: 1 },
] as const;

export const VEHICLE_MODELS = [
  { make: 'Toyota', models: ['Corolla', 'RAV4', 'Yaris', 'Avensis'] },
  { make: 'Volkswagen', models: ['Golf', 'Passat', 'Polo', 'ID.4'] },
  { make: 'Škoda', models: ['Octavia', 'Fabia', 'Superb', 'Kodiaq'] },
  { make: 'Volvo', models: ['V70', 'XC60', 'V60'] },
  { make: 'Ford', models: ['Focus', 'Mondeo', 'Transit'] },
  { make: 'BMW', models: ['320d', 'X5', '520d'] },
  { make: 'Tesla', models: ['Model 3', 'Model Y'] },
  { make: 'Kia', models: ['Ceed', 'Sportage', 'Niro'] },
] as const;
export const FUELS = ['petrol', 'diesel', 'hybrid', 'electric'] as const;
export const COLOURS = ['black', 'white', 'grey', 'silver', 'blue', 'red', 'green'] as const;

export const VACCINES = ['MMR', 'DTaP-IPV', 'Influenza', 'COVID-19', 'Tick-borne encephalitis', 'Hepatitis B', 'HPV'] as const;
export const GP_PRACTICES = ['Kesklinna Perearstikeskus', 'Mustamäe Tervisekeskus', 'Annelinna Perearstid', 'Rannaküla Perearst', 'Järve Tervisekeskus', 'Metsa Perearstipraksis'] as const;

export const COMPANY_WORDS = ['Põhja', 'Lõuna', 'Balti', 'Mere', 'Metsa', 'Kivi', 'Tule', 'Valge', 'Roheline', 'Kuld', 'Raud', 'Tuule', 'Päikese', 'Järve', 'Kase'] as const;
export const COMPANY_TRADES = ['Ehitus', 'Logistika', 'Tarkvara', 'Puit', 'Kaubandus', 'Konsult', 'Energia', 'Toit', 'Disain', 'Transport', 'Metall', 'Meedia'] as const;
export const LEGAL_FORMS = ['OÜ', 'AS', 'MTÜ'] as const;
