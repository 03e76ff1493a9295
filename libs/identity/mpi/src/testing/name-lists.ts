// Word lists for the synthetic population, most common first (the picker skews
// towards the head of each list). Mostly English-speaking registers, with enough
// accents, apostrophes, particles and double-barrelled names to exercise folding.

export const FEMALE_GIVEN_NAMES: readonly string[] = [
  'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen', 'Nancy', 'Lisa',
  'Margaret', 'Betty', 'Sandra', 'Ashley', 'Dorothy', 'Kimberly', 'Emily', 'Donna', 'Michelle', 'Carol', 'Amanda',
  'Melissa', 'Deborah', 'Stephanie', 'Rebecca', 'Laura', 'Sharon', 'Cynthia', 'Kathleen', 'Amy', 'Shirley', 'Angela',
  'Helen', 'Anna', 'Brenda', 'Pamela', 'Nicole', 'Samantha', 'Katherine', 'Emma', 'Ruth', 'Christine', 'Catherine',
  'Debra', 'Rachel', 'Carolyn', 'Janet', 'Virginia', 'Maria', 'Heather', 'Diane', 'Julie', 'Joyce', 'Victoria', 'Olivia',
  'Kelly', 'Christina', 'Lauren', 'Joan', 'Evelyn', 'Judith', 'Megan', 'Cheryl', 'Andrea', 'Hannah', 'Martha',
  'Jacqueline', 'Frances', 'Gloria', 'Ann', 'Teresa', 'Kathryn', 'Sara', 'Janice', 'Jean', 'Alice', 'Madison', 'Doris',
  'Abigail', 'Julia', 'Judy', 'Grace', 'Denise', 'Amber', 'Marilyn', 'Beverly', 'Danielle', 'Theresa', 'Sophia', 'Marie',
  'Diana', 'Brittany', 'Natalie', 'Isabella', 'Charlotte', 'Rose', 'Alexis', 'Kayla', 'Eleanor', 'Harriet', 'Florence',
  'Josephine', 'Lillian', 'Louise', 'Gwendolyn', 'Penelope', 'Rosemary', 'Valerie', 'Vanessa', 'Veronica', 'Beatrice',
  'Agnes', 'Cecilia', 'Matilda', 'Madeline', 'Gillian', 'Constance', 'Mildred', 'Isabel', 'Priscilla', 'Zoë', 'Chloé',
  'Renée', 'Siobhan', 'Aoife', 'Ingrid', 'Astrid', 'Priya', 'Aisha', 'Fatima', 'Mei', 'Yuki', 'Lucía', 'Inês',
];

export const MALE_GIVEN_NAMES: readonly string[] = [
  'James', 'Robert', 'John', 'Michael', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Charles', 'Christopher',
  'Daniel', 'Matthew', 'Anthony', 'Mark', 'Donald', 'Steven', 'Paul', 'Andrew', 'Joshua', 'Kenneth', 'Kevin', 'Brian',
  'George', 'Timothy', 'Ronald', 'Edward', 'Jason', 'Jeffrey', 'Ryan', 'Jacob', 'Gary', 'Nicholas', 'Eric', 'Jonathan',
  'Stephen', 'Larry', 'Justin', 'Scott', 'Brandon', 'Benjamin', 'Samuel', 'Gregory', 'Alexander', 'Frank', 'Patrick',
  'Raymond', 'Jack', 'Dennis', 'Jerry', 'Tyler', 'Aaron', 'Adam', 'Nathan', 'Henry', 'Douglas', 'Zachary', 'Peter',
  'Kyle', 'Ethan', 'Walter', 'Noah', 'Jeremy', 'Christian', 'Keith', 'Roger', 'Terry', 'Gerald', 'Harold', 'Sean',
  'Austin', 'Carl', 'Arthur', 'Lawrence', 'Dylan', 'Jesse', 'Jordan', 'Bryan', 'Billy', 'Joe', 'Bruce', 'Gabriel',
  'Logan', 'Albert', 'Willie', 'Alan', 'Juan', 'Wayne', 'Elijah', 'Randy', 'Roy', 'Vincent', 'Ralph', 'Eugene', 'Russell',
  'Bobby', 'Mason', 'Philip', 'Louis', 'Frederick', 'Alfred', 'Bernard', 'Herbert', 'Leonard', 'Martin', 'Stanley',
  'Theodore', 'Victor', 'Edmund', 'Edwin', 'Francis', 'Isaac', 'Abraham', 'Mitchell', 'Oliver', 'Maximilian', 'Augustus',
  'Terence', 'Franklin', 'Liam', 'Oisín', 'Søren', 'Björn', 'Raj', 'Omar', 'Mohammed', 'Wei', 'Hiroshi', 'José', 'André',
  'François', 'Nikolai',
];

export const FAMILY_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson',
  'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright',
  'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell',
  'Mitchell', 'Carter', 'Roberts', 'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins',
  'Reyes', 'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper',
  'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson', 'Watson', 'Brooks',
  'Chavez', 'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes', 'Price', 'Alvarez', 'Castillo', 'Sanders',
  'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jimenez', 'Powell', 'Jenkins', 'Perry', 'Russell', 'Sullivan', 'Bell',
  'Coleman', 'Butler', 'Henderson', 'Barnes', 'Fisher', 'Vasquez', 'Simmons', 'Romero', 'Jordan', 'Patterson',
  'Alexander', 'Hamilton', 'Graham', 'Reynolds', 'Griffin', 'Wallace', 'Moreno', 'West', 'Cole', 'Hayes', 'Bryant',
  'Herrera', 'Gibson', 'Ellis', 'Tran', 'Medina', 'Aguilar', 'Stevens', 'Murray', 'Ford', 'Castro', 'Marshall', 'Owens',
  'Harrison', 'Fernandez', 'McDonald', 'Woods', 'Washington', 'Kennedy', 'Wells', 'Vargas', 'Henry', 'Chen', 'Freeman',
  'Webb', 'Tucker', 'Guzman', 'Burns', 'Crawford', 'Olson', 'Simpson', 'Porter', 'Hunter', 'Gordon', 'Mendez', 'Silva',
  'Shaw', 'Snyder', 'Mason', 'Dixon', 'Muñoz', 'Hunt', 'Hicks', 'Holmes', 'Palmer', 'Wagner', 'Black', 'Robertson',
  'Boyd', 'Rose', 'Stone', 'Salazar', 'Fox', 'Warren', 'Mills', 'Meyer', 'Rice', 'Schmidt', 'Garza', 'Daniels',
  'Ferguson', 'Nichols', 'Stephens', 'Soto', 'Weaver', 'Ryan', 'Gardner', 'Payne', 'Grant', 'Dunn', 'Kelley', 'Spencer',
  'Hawkins', 'Arnold', 'Pierce', 'Vazquez', 'Hansen', 'Peters', 'Santos', 'Hart', 'Bradley', 'Knight', 'Elliott',
  'Cunningham', 'Duncan', 'Armstrong', 'Hudson', 'Carroll', 'Lane', 'Riley', 'Andrews', 'Alvarado', 'Ray', 'Delgado',
  'Berry', 'Perkins', 'Hoffman', 'Johnston', 'Matthews', 'Peña', 'Richards', 'Contreras', 'Willis', 'Carpenter',
  'Lawrence', 'Sandoval', 'Guerrero', 'George', 'Chapman', 'Rios', 'Estrada', 'Ortega', 'Watkins', 'Greene', 'Núñez',
  'Wheeler', 'Valdez', 'Harper', 'Burke', 'Larson', 'Santiago', 'Maldonado', 'Morrison', 'Franklin', 'Carlson', 'Austin',
  'Dominguez', 'Carr', 'Lawson', 'Jacobs', "O'Brien", 'Lynch', 'Singh', 'Vega', 'Bishop', 'Montgomery', 'Oliver',
  'Jensen', 'Harvey', 'Williamson', 'Gilbert', 'Dean', 'Sims', 'Espinoza', 'Howell', 'Li', 'Wong', 'Reid', 'Hanson', 'Le',
  'McCoy', 'Garrett', 'Burton', 'Fuller', 'Wang', 'Weber', 'Welch', 'Rojas', 'Lucas', 'Marquez', 'Fields', 'Park', 'Yang',
  'Little', 'Banks', 'Padilla', 'Day', 'Walsh', 'Bowman', 'Schultz', 'Luna', 'Fowler', 'Mejia', 'Davidson', 'Acosta',
  'Brewer', 'May', 'Holland', 'Juarez', 'Newman', 'Pearson', 'Curtis', 'Cortez', 'Douglas', 'Schneider', 'Joseph',
  'Barrett', 'Navarro', 'Figueroa', 'Keller', 'Avila', 'Wade', 'Molina', 'Stanley', 'Hopkins', 'Campos', 'Barnett',
  'Bates', 'Chambers', 'Caldwell', 'Beck', 'Lambert', 'Miranda', 'Byrd', 'Craig', 'Ayala', 'Lowe', 'Frazier', 'Powers',
  'Neal', 'Leonard', 'Gregory', 'Carrillo', 'Sutton', 'Fleming', 'Rhodes', 'Shelton', 'Schwartz', 'Norris', 'Jennings',
  'Watts', 'Duran', 'Walters', 'Cohen', 'McDaniel', 'Moran', 'Parks', 'Steele', 'Vaughn', 'Becker', 'Holt', 'DeLeon',
  'Barker', 'Terry', 'Hale', 'Leon', 'Benson', 'Haynes', 'Horton', 'Miles', 'Lyons', 'Pham', 'Graves', 'Bush', 'Thornton',
  'Wolfe', 'Warner', 'Cabrera', 'McKinney', 'Mann', 'Zimmerman', 'Dawson', 'Lara', 'Fletcher', 'Page', 'McCarthy',
  'Love', 'Robles', 'Cervantes', 'Solis', 'Erickson', 'Reeves', 'Chang', 'Klein', 'Salinas', 'Fuentes', 'Baldwin',
  'Daniel', 'Simon', 'Velasquez', 'Hardy', 'Higgins', 'Aguirre', 'Lin', 'Cummings', 'Chandler', 'Sharp', 'Barber',
  'Bowen', 'Ochoa', 'Dennis', 'Robbins', 'Liu', 'Ramsey', 'Francis', 'Griffith', 'Paul', 'Blair', "O'Connor", 'Cárdenas',
  'Pacheco', 'Cross', 'Calderón', 'Quinn', 'Moss', 'Swanson', 'Chan', 'Rivas', 'Khan', 'Rodgers', 'Serrano',
  'Fitzgerald', 'Rosales', 'Stevenson', 'Christensen', 'Manning', 'Gill', 'Curry', 'McLaughlin', 'Harmon', 'McGee',
  'Gross', 'Doyle', 'Garner', 'Newton', 'Burgess', 'Reese', 'Walton', 'Blake', 'Trujillo', 'Adkins', 'Brady', 'Goodman',
  'Roman', 'Webster', 'Goodwin', 'Fischer', 'Huang', 'Potter', 'Montoya', 'Todd', 'Wu', 'Hines', 'Mullins', 'Castañeda',
  'Malone', 'Cannon', 'Tate', 'Mack', 'Sherman', 'Hubbard', 'Hodges', 'Zhang', 'Guerra', 'Wolf', 'Valencia', 'Saunders',
  'Franco', 'Rowe', 'Gallagher', 'Farmer', 'Hammond', 'Hampton', 'Townsend', 'Ingram', 'Wise', 'Gallegos', 'Clarke',
  'Barton', 'Schroeder', 'Maxwell', 'Waters', 'Logan', 'Camacho', 'Strickland', 'Norman', 'Person', 'Colón', 'Parsons',
  'Frank', 'Harrington', 'Glover', 'Osborne', 'Buchanan', 'Casey', 'Floyd', 'Patton', 'Ibarra', 'Ball', 'Tyler', 'Suárez',
  'Bowers', 'Orozco', 'Salas', 'Cobb', 'Gibbs', 'Andrade', 'Bauer', 'Conner', 'Moody', 'Escobar', 'McGuire', 'Lloyd',
  'Müller', 'Hartman', 'French', 'Kramer', 'McBride', 'Pope', 'Lindsey', 'Velázquez', 'Norton', 'McCormick', 'Sparks',
  'Flynn', 'Yates', 'Hogan', 'Marsh', 'Macias', 'Villanueva', 'Zamora', 'Pratt', 'Stokes', 'Owen', 'Ballard', 'Lang',
  'Brock', 'Villarreal', 'Charles', 'Drake', 'Barrera', 'Cain', 'Patrick', 'Pineda', 'Burnett', 'Mercado', 'Santana',
  'Shepherd', 'Bautista', 'Ali', 'Shaffer', 'Lamb', 'Treviño', 'McKenzie', 'Hess', 'Olsen', 'Cochran', 'Morton', 'Nash',
  'Wilkins', 'Petersen', 'Briggs', 'Shah', 'Roth', 'Nicholson', 'Holloway', 'Lozano', 'Rangel', 'Flowers', 'Hoover',
  'Short', 'Arias', 'Mora', 'Valenzuela', 'Bryan', 'Meyers', 'Weiss', 'Underwood', 'Bass', 'Greer', 'Summers', 'Houston',
  'Carson', 'Morrow', 'Clayton', 'Whitaker', 'Decker', 'Yoder', 'Collier', 'Zuniga', 'Carey', 'Wilcox', 'Melendez',
  'Poole', 'Roberson', 'Larsen', 'Conley', 'Davenport', 'Copeland', 'Massey', 'Lam', 'Huff', 'Rocha', 'Cameron',
  'Jefferson', 'Hood', 'Monroe', 'Anthony', 'Pittman', 'Huynh', 'Randall', 'Singleton', 'Kirk', 'Combs', 'Mathis',
  'Skinner', 'Bradford', 'Galvan', 'Wall', 'Boone', 'Kirby', 'Wilkinson', 'Bridges', 'Bruce', 'Atkinson', 'Velez', 'Meza',
  'Roy', 'Vincent', 'York', 'Hodge', 'Villa', 'Abbott', 'Allison', 'Tapia', 'Gates', 'Chase', 'Sosa', 'Sweeney',
  'Farrell', 'Wyatt', 'Dalton', 'Horn', 'Barron', 'Phelps', 'Yu', 'Dickerson', 'Heath', 'Foley', 'Atkins', 'Bonilla',
  'Acevedo', 'Benitez', 'Zavala', 'Hensley', 'Glenn', 'Cisneros', 'Harrell', 'Shields', 'Rubio', 'Huber', 'Choi', 'Kaur',
  'Schäfer', 'García López', 'van der Berg', 'de la Cruz', 'Van Dyke', "D'Angelo", "O'Sullivan", 'MacDonald',
  'Søndergaard', 'Łukasik', 'Ó Briain', 'St John', 'Smith-Jones', 'Fernández-Vega',
];

export const STREET_NAMES: readonly string[] = [
  'High', 'Station', 'Church', 'Park', 'Victoria', 'Mill', 'Oak', 'Elm', 'Maple', 'Albert', 'Queen', 'King', 'Manor',
  'Green', 'Grove', 'Chapel', 'School', 'North', 'South', 'West', 'London', 'York', 'Windsor', 'Springfield', 'Highfield',
  'Mount', 'Hill', 'Forest', 'Meadow', 'Orchard', 'Willow', 'Cedar', 'Beech', 'Ash', 'Birch', 'Rowan', 'Cherry', 'Holly',
  'Ivy', 'Lime', 'Poplar', 'Chestnut', 'Hawthorn', 'Riverside', 'Brook', 'Bridge', 'Castle', 'Abbey', 'Priory',
  'Marlborough', 'Stanley', 'Clarence', 'Gladstone', 'Nelson', 'Wellington', 'Cromwell', 'Kingsway', 'Belmont',
];

export const STREET_TYPES: readonly string[] = ['Street', 'Road', 'Avenue', 'Lane', 'Drive', 'Close', 'Way', 'Crescent', 'Gardens', 'Place', 'Terrace', 'Court'];

/** City and its postcode area. */
export const CITIES: ReadonlyArray<readonly [string, string]> = [
  ['London', 'SE'], ['Birmingham', 'B'], ['Manchester', 'M'], ['Leeds', 'LS'], ['Glasgow', 'G'], ['Liverpool', 'L'],
  ['Bristol', 'BS'], ['Sheffield', 'S'], ['Edinburgh', 'EH'], ['Cardiff', 'CF'], ['Leicester', 'LE'], ['Nottingham', 'NG'],
  ['Newcastle', 'NE'], ['Belfast', 'BT'], ['Brighton', 'BN'], ['Southampton', 'SO'], ['Plymouth', 'PL'], ['Reading', 'RG'],
  ['Coventry', 'CV'], ['Derby', 'DE'], ['Hull', 'HU'], ['York', 'YO'], ['Oxford', 'OX'], ['Cambridge', 'CB'],
  ['Norwich', 'NR'], ['Exeter', 'EX'], ['Bath', 'BA'], ['Aberdeen', 'AB'], ['Dundee', 'DD'], ['Swansea', 'SA'],
];

export const EMAIL_DOMAINS: readonly string[] = ['example.com', 'mail.example', 'post.example', 'example.org', 'inbox.example'];

/** Local MRN systems: one per hospital of the synthetic region. */
export const HOSPITAL_MRN_SYSTEMS: readonly string[] = [
  'https://hospital-a.example/mrn',
  'https://hospital-b.example/mrn',
  'https://hospital-c.example/mrn',
];

export const US_SSN_SYSTEM = 'urn:oid:2.16.840.1.113883.4.1';
