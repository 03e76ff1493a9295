// Common English given-name nicknames, canonical name → its nicknames (about 300
// pairs). A nickname may belong to several names (Al: Albert, Alfred, Alan,
// Alexander); names that are both a name and a nickname (Harry, Sandy) keep their
// own form too, see canonicalGivenNames. Folded forms only: lower case, no accents.
const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  // men
  abraham: ['abe', 'bram'],
  alan: ['al'],
  albert: ['al', 'bert', 'bertie'],
  alexander: ['alex', 'alec', 'al', 'sandy', 'xander'],
  alfred: ['al', 'alf', 'alfie', 'fred'],
  andrew: ['andy', 'drew'],
  anthony: ['tony', 'ant'],
  arthur: ['art', 'artie'],
  augustus: ['gus'],
  benjamin: ['ben', 'benny', 'benji'],
  bernard: ['bernie'],
  charles: ['charlie', 'chuck', 'chas', 'chaz'],
  christopher: ['chris', 'kit', 'topher'],
  daniel: ['dan', 'danny'],
  david: ['dave', 'davey', 'davy'],
  donald: ['don', 'donnie'],
  douglas: ['doug'],
  edmund: ['ed', 'eddie', 'ned'],
  edward: ['ed', 'eddie', 'eddy', 'ted', 'teddy', 'ned'],
  edwin: ['ed', 'eddie'],
  eugene: ['gene'],
  francis: ['frank', 'frankie', 'fran'],
  franklin: ['frank', 'frankie'],
  frederick: ['fred', 'freddie', 'freddy', 'fritz'],
  gabriel: ['gabe'],
  gerald: ['gerry', 'jerry'],
  gregory: ['greg'],
  harold: ['harry', 'hal'],
  henry: ['harry', 'hank', 'hal'],
  herbert: ['herb', 'bert'],
  isaac: ['ike'],
  jacob: ['jake'],
  james: ['jim', 'jimmy', 'jamie'],
  jeffrey: ['jeff'],
  jeremy: ['jerry'],
  john: ['jack', 'johnny'],
  jonathan: ['jon', 'jonny', 'johnny'],
  joseph: ['joe', 'joey'],
  joshua: ['josh'],
  kenneth: ['ken', 'kenny'],
  lawrence: ['larry', 'laurie'],
  leonard: ['len', 'lenny', 'leo'],
  louis: ['lou', 'louie'],
  martin: ['marty'],
  matthew: ['matt', 'matty'],
  maximilian: ['max'],
  michael: ['mike', 'mikey', 'mick', 'mickey'],
  mitchell: ['mitch'],
  nathaniel: ['nate', 'nat', 'nathan'],
  nicholas: ['nick', 'nicky'],
  oliver: ['ollie'],
  patrick: ['pat', 'paddy'],
  peter: ['pete'],
  philip: ['phil'],
  phillip: ['phil'],
  raymond: ['ray'],
  richard: ['dick', 'rick', 'ricky', 'rich', 'richie'],
  robert: ['bob', 'bobby', 'rob', 'robbie', 'robby', 'bert'],
  ronald: ['ron', 'ronnie'],
  russell: ['russ'],
  samuel: ['sam', 'sammy'],
  stanley: ['stan'],
  stephen: ['steve', 'stevie'],
  steven: ['steve', 'stevie'],
  terence: ['terry'],
  theodore: ['ted', 'teddy', 'theo'],
  thomas: ['tom', 'tommy'],
  timothy: ['tim', 'timmy'],
  victor: ['vic'],
  vincent: ['vince', 'vinny'],
  walter: ['walt', 'wally'],
  william: ['bill', 'billy', 'will', 'willie', 'willy', 'liam'],
  zachary: ['zach', 'zack'],
  // women
  abigail: ['abby', 'gail'],
  agnes: ['aggie'],
  alexandra: ['alex', 'lexi', 'sandy', 'sandra'],
  alice: ['allie'],
  amanda: ['mandy'],
  amelia: ['millie', 'amy'],
  angela: ['angie'],
  ann: ['annie', 'nan', 'nancy'],
  anne: ['annie', 'nan', 'nancy'],
  barbara: ['barb', 'barbie', 'babs'],
  beatrice: ['bea', 'trixie'],
  caroline: ['carrie', 'caro'],
  cassandra: ['cassie', 'sandy'],
  catherine: ['cathy', 'kate', 'katie', 'kitty', 'cat'],
  cecilia: ['cissy', 'cece'],
  charlotte: ['lottie', 'charlie'],
  christina: ['chris', 'tina', 'chrissy'],
  christine: ['chris', 'tina', 'chrissy'],
  constance: ['connie'],
  cynthia: ['cindy'],
  danielle: ['dani'],
  deborah: ['deb', 'debbie', 'debby'],
  dorothy: ['dot', 'dottie', 'dolly'],
  eleanor: ['ellie', 'nell', 'nora'],
  elizabeth: ['liz', 'lizzie', 'lizzy', 'beth', 'betty', 'bette', 'bess', 'bessie', 'eliza', 'libby', 'elsie'],
  emily: ['em', 'emmy'],
  emma: ['em', 'emmy'],
  evelyn: ['evie', 'eve'],
  florence: ['flo', 'florrie'],
  frances: ['fran', 'frannie', 'fanny'],
  gillian: ['jill', 'gill'],
  gwendolyn: ['gwen', 'wendy'],
  harriet: ['hattie'],
  helen: ['nell', 'nellie'],
  henrietta: ['etta', 'hetty'],
  isabel: ['bella', 'izzy'],
  isabella: ['bella', 'izzy'],
  jacqueline: ['jackie'],
  jennifer: ['jen', 'jenny'],
  jessica: ['jess', 'jessie'],
  joanna: ['jo'],
  josephine: ['jo', 'josie'],
  judith: ['judy', 'jude'],
  katherine: ['kathy', 'kate', 'katie', 'kat', 'kitty', 'kay'],
  kathryn: ['kathy', 'kate', 'katie', 'kat'],
  kimberly: ['kim'],
  lillian: ['lily', 'lil'],
  louise: ['lou', 'lulu'],
  madeline: ['maddie', 'maddy'],
  margaret: ['peggy', 'maggie', 'meg', 'madge', 'marge', 'margie', 'greta'],
  martha: ['marty', 'mattie', 'patty'],
  mary: ['molly', 'polly', 'mae', 'mamie'],
  matilda: ['tilly', 'mattie'],
  melanie: ['mel'],
  melissa: ['mel', 'missy'],
  mildred: ['millie'],
  natalie: ['nat'],
  olivia: ['liv', 'livvy'],
  pamela: ['pam'],
  patricia: ['pat', 'patty', 'patsy', 'trish', 'tricia'],
  penelope: ['penny'],
  priscilla: ['cilla'],
  rebecca: ['becky', 'becca'],
  rosemary: ['rose', 'rosie'],
  samantha: ['sam', 'sammy'],
  sandra: ['sandy'],
  sarah: ['sally', 'sadie'],
  stephanie: ['steph'],
  susan: ['sue', 'susie', 'suzy'],
  teresa: ['terry', 'tess', 'tessa'],
  theresa: ['terry', 'tess', 'tessa'],
  valerie: ['val'],
  vanessa: ['nessa'],
  veronica: ['ronnie'],
  victoria: ['vicky', 'tori'],
  virginia: ['ginny', 'ginger'],
};

const CANONICAL_BY_NICKNAME: ReadonlyMap<string, readonly string[]> = (() => {
  const byNickname = new Map<string, string[]>();
  for (const [canonical, nicknames] of Object.entries(NICKNAMES)) {
    for (const nickname of nicknames) {
      const names = byNickname.get(nickname) ?? [];
      names.push(canonical);
      byNickname.set(nickname, names);
    }
  }
  return byNickname;
})();

/**
 * The canonical given names a folded given name may stand for: the name itself
 * first, then every name it is a nickname of (Bob → [bob, robert]; Harry → [harry,
 * harold, henry]). Two names are nickname-equivalent when these lists intersect.
 */
export function canonicalGivenNames(folded: string): readonly string[] {
  const canonical = CANONICAL_BY_NICKNAME.get(folded);
  return canonical === undefined ? [folded] : [folded, ...canonical];
}

/** The nicknames of a canonical given name (folded), e.g. margaret → [peggy, maggie, …]. */
export function nicknamesOf(canonical: string): readonly string[] {
  return NICKNAMES[canonical] ?? [];
}

/** How many nickname → name pairs the table holds. */
export function nicknamePairCount(): number {
  return Object.values(NICKNAMES).reduce((sum, nicknames) => sum + nicknames.length, 0);
}
