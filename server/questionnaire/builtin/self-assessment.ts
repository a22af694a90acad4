// The self-assessment: ten life areas, the same questions at the start, at reviews and at the
// end, so start and end can be compared (distance travelled). Three steps from "not going well"
// to "going brilliantly"; "keeping safe" not going well raises a concern for the worker.
import type { Definition, LocalisedText, Question } from '../definition.ts';
import { lifeAreaOptions } from './scales.ts';
import { fill, same, t } from './text.ts';

interface LifeArea {
  domain: string;
  label: string;
  /** The area as a noun phrase, for report statements. */
  name: LocalisedText;
  title: LocalisedText;
  easyRead: LocalisedText;
  hint?: LocalisedText;
}

const statement = t(
  'said {x} was going OK or brilliantly',
  "wedi dweud bod {x} yn mynd yn iawn neu'n wych",
  'powiedziało, że w obszarze „{x}” jest w porządku lub świetnie',
  'au spus că la „{x}” merge bine sau foarte bine',
  'نے کہا کہ {x} ٹھیک یا بہت اچھا چل رہا ہے',
);

const AREAS: LifeArea[] = [
  {
    domain: 'home',
    label: 'Home',
    name: t('home', 'bywyd gartref', 'dom', 'acasă', 'گھر'),
    title: t('How are things at home, where you live?', "Sut mae pethau gartref, lle rwyt ti'n byw?", 'Jak jest w domu, tam gdzie mieszkasz?', 'Cum sunt lucrurile acasă, acolo unde locuiești?', 'گھر پر، جہاں آپ رہتے ہیں، حالات کیسے ہیں؟'),
    easyRead: t('How is home?', 'Sut mae adref?', 'Jak jest w domu?', 'Cum e acasă?', 'گھر کیسا ہے؟'),
  },
  {
    domain: 'school_work',
    label: 'School or work',
    name: t('school or work', 'ysgol neu waith', 'szkoła lub praca', 'școală sau muncă', 'اسکول یا کام'),
    title: t('How are things at school, college or work?', "Sut mae pethau yn yr ysgol, y coleg neu'r gwaith?", 'Jak idzie w szkole, na kursie lub w pracy?', 'Cum merge la școală, la colegiu sau la muncă?', 'اسکول، کالج یا کام پر حالات کیسے ہیں؟'),
    easyRead: t('How is school or work?', "Sut mae'r ysgol neu'r gwaith?", 'Jak w szkole albo w pracy?', 'Cum e la școală sau la muncă?', 'اسکول یا کام کیسا ہے؟'),
  },
  {
    domain: 'family',
    label: 'Family and relationships',
    name: t('family and relationships', 'teulu a pherthnasoedd', 'rodzina i relacje', 'familie și relații', 'خاندان اور رشتے'),
    title: t(
      'How are things with your family and the people close to you?',
      "Sut mae pethau gyda dy deulu a'r bobl sy'n agos atat ti?",
      'Jak układa ci się z rodziną i bliskimi osobami?',
      'Cum merg lucrurile cu familia ta și cu oamenii apropiați?',
      'آپ کے گھر والوں اور قریبی لوگوں کے ساتھ حالات کیسے ہیں؟',
    ),
    easyRead: t('How is your family?', 'Sut mae dy deulu?', 'Jak jest z rodziną?', 'Cum e cu familia?', 'گھر والوں کے ساتھ کیسا ہے؟'),
  },
  {
    domain: 'friends',
    label: 'Friends',
    name: t('friends', 'ffrindiau', 'przyjaciele', 'prieteni', 'دوست'),
    title: t('How are things with your friends?', 'Sut mae pethau gyda dy ffrindiau?', 'Jak układa ci się z przyjaciółmi?', 'Cum merg lucrurile cu prietenii tăi?', 'آپ کے دوستوں کے ساتھ حالات کیسے ہیں؟'),
    easyRead: t('How are things with friends?', 'Sut mae pethau gyda ffrindiau?', 'Jak z przyjaciółmi?', 'Cum e cu prietenii?', 'دوستوں کے ساتھ کیسا ہے؟'),
  },
  {
    domain: 'health',
    label: 'Health',
    name: t('health', 'iechyd', 'zdrowie', 'sănătate', 'صحت'),
    title: t(
      'How is your health: eating, sleeping, keeping well?',
      "Sut mae dy iechyd: bwyta, cysgu, cadw'n iach?",
      'Jak twoje zdrowie: jedzenie, sen, samopoczucie?',
      'Cum e sănătatea ta: mâncatul, somnul, cum te simți?',
      'آپ کی صحت کیسی ہے: کھانا، سونا، تندرست رہنا؟',
    ),
    easyRead: t('How is your health?', 'Sut mae dy iechyd?', 'Jak zdrowie?', 'Cum e sănătatea ta?', 'آپ کی صحت کیسی ہے؟'),
  },
  {
    domain: 'feelings',
    label: 'Feelings',
    name: t('feelings', 'teimladau', 'uczucia', 'sentimente', 'احساسات'),
    title: t(
      'How are you feeling in yourself: your mood and your worries?',
      "Sut wyt ti'n teimlo ynot ti dy hun: dy hwyliau a dy bryderon?",
      'Jak się czujesz: twój nastrój i zmartwienia?',
      'Cum te simți: starea ta și grijile tale?',
      'آپ اندر سے کیسا محسوس کرتے ہیں: آپ کا موڈ اور پریشانیاں؟',
    ),
    easyRead: t('How are your feelings?', "Sut wyt ti'n teimlo?", 'Jak się czujesz?', 'Cum te simți?', 'آپ کیسا محسوس کرتے ہیں؟'),
  },
  {
    domain: 'substance_use',
    label: 'Substance use',
    name: t('substance use', 'defnyddio sylweddau', 'używki', 'consumul de substanțe', 'نشہ آور چیزوں کا استعمال'),
    title: t(
      'How are things with drugs, alcohol or vaping?',
      'Sut mae pethau gyda chyffuriau, alcohol neu fêpio?',
      'Jak jest z narkotykami, alkoholem lub e-papierosami?',
      'Cum stai cu drogurile, alcoolul sau vapatul?',
      'منشیات، شراب یا ویپنگ کے حوالے سے حالات کیسے ہیں؟',
    ),
    hint: t(
      'Going brilliantly can mean you do not use them, or you are in control.',
      "Gall 'mynd yn wych' olygu nad wyt ti'n eu defnyddio, neu dy fod di mewn rheolaeth.",
      '„Idzie świetnie” może znaczyć, że ich nie używasz albo masz to pod kontrolą.',
      '„Merge foarte bine” poate însemna că nu le folosești sau că ai totul sub control.',
      "'بہت اچھا چل رہا ہے' کا مطلب ہو سکتا ہے کہ آپ انہیں استعمال نہیں کرتے، یا یہ آپ کے قابو میں ہے۔",
    ),
    easyRead: t('Drugs, alcohol or vapes: how is it going?', "Cyffuriau, alcohol neu fêps: sut mae'n mynd?", 'Narkotyki, alkohol, e-papierosy: jak jest?', 'Droguri, alcool, vape: cum merge?', 'منشیات، شراب یا ویپ: کیسا چل رہا ہے؟'),
  },
  {
    domain: 'money',
    label: 'Money',
    name: t('money', 'arian', 'pieniądze', 'banii', 'پیسے'),
    title: t('How are things with money?', 'Sut mae pethau gydag arian?', 'Jak jest z pieniędzmi?', 'Cum stai cu banii?', 'پیسوں کے معاملے میں حالات کیسے ہیں؟'),
    easyRead: t('Money: how is it going?', "Arian: sut mae'n mynd?", 'Pieniądze: jak jest?', 'Banii: cum merge?', 'پیسے: کیسا چل رہا ہے؟'),
  },
  {
    domain: 'keeping_safe',
    label: 'Keeping safe',
    name: t('keeping safe', "cadw'n ddiogel", 'bezpieczeństwo', 'siguranța', 'محفوظ رہنا'),
    title: t(
      'How are things with keeping safe: at home, online and when you are out?',
      "Sut mae pethau o ran cadw'n ddiogel: gartref, ar-lein a phan fyddi di allan?",
      'Jak jest z twoim bezpieczeństwem: w domu, w internecie i poza domem?',
      'Cum stai cu siguranța: acasă, online și când ești afară?',
      'محفوظ رہنے کے حوالے سے حالات کیسے ہیں: گھر پر، آن لائن اور جب آپ باہر ہوں؟',
    ),
    hint: t(
      'If this is not going well, your worker will check in with you soon.',
      "Os nad yw hyn yn mynd yn dda, bydd dy weithiwr yn cysylltu â ti cyn bo hir.",
      'Jeśli to nie idzie dobrze, osoba, która z tobą pracuje, wkrótce się z tobą skontaktuje.',
      'Dacă asta nu merge bine, persoana care lucrează cu tine te va contacta în curând.',
      'اگر یہ اچھا نہیں چل رہا تو آپ کا ورکر جلد آپ سے رابطہ کرے گا۔',
    ),
    easyRead: t('Do you feel safe?', "Wyt ti'n teimlo'n ddiogel?", 'Czy czujesz się bezpiecznie?', 'Te simți în siguranță?', 'کیا آپ محفوظ محسوس کرتے ہیں؟'),
  },
  {
    domain: 'staying_out_of_trouble',
    label: 'Staying out of trouble',
    name: t('staying out of trouble', 'cadw allan o drwbl', 'unikanie kłopotów', 'statul departe de necazuri', 'مصیبت سے دور رہنا'),
    title: t(
      'How are things with staying out of trouble?',
      'Sut mae pethau o ran cadw allan o drwbl?',
      'Jak ci idzie z unikaniem kłopotów?',
      'Cum îți merge cu statul departe de necazuri?',
      'مصیبت سے دور رہنے میں حالات کیسے ہیں؟',
    ),
    easyRead: t('Staying out of trouble: how is it going?', "Cadw allan o drwbl: sut mae'n mynd?", 'Unikanie kłopotów: jak idzie?', 'Departe de necazuri: cum merge?', 'مصیبت سے دور رہنا: کیسا چل رہا ہے؟'),
  },
];

function lifeAreaQuestion(area: LifeArea): Question {
  return {
    id: area.domain,
    type: 'faces',
    domain: area.domain,
    options: lifeAreaOptions(area.domain === 'keeping_safe'),
    title: area.title,
    ...(area.hint ? { hint: area.hint } : {}),
    easyRead: { title: area.easyRead },
    report: { label: area.label, statement: fill(statement, area.name) },
  };
}

export const SelfAssessment: Definition = {
  schemaVersion: 1,
  slug: 'self-assessment',
  kind: 'self_assessment',
  audience: 'child',
  staged: true,
  languages: ['en', 'cy', 'pl', 'ro', 'ur'],
  guideName: same('Sam'),
  title: t('How are things going?', "Sut mae pethau'n mynd?", 'Jak ci idzie?', 'Cum merg lucrurile?', 'حالات کیسے چل رہے ہیں؟'),
  intro: t(
    'This helps you and your worker see how things are going in different parts of your life, and plan what to work on together. We will ask the same questions again later, so you can both see what has changed. There are no right or wrong answers, and you can skip any question. Your worker will read your answers.',
    "Mae hyn yn dy helpu di a dy weithiwr i weld sut mae pethau'n mynd mewn gwahanol rannau o dy fywyd, a chynllunio beth i weithio arno gyda'ch gilydd. Byddwn ni'n gofyn yr un cwestiynau eto nes ymlaen, er mwyn i chi'ch dau weld beth sydd wedi newid. Does dim atebion cywir nac anghywir, a gelli di hepgor unrhyw gwestiwn. Bydd dy weithiwr yn darllen dy atebion.",
    'To pomoże tobie i osobie, która z tobą pracuje, zobaczyć, jak ci idzie w różnych częściach życia, i zaplanować, nad czym razem pracować. Później zadamy te same pytania jeszcze raz, żebyście oboje zobaczyli, co się zmieniło. Nie ma dobrych ani złych odpowiedzi i możesz pominąć każde pytanie. Osoba, która z tobą pracuje, przeczyta twoje odpowiedzi.',
    'Asta te ajută pe tine și pe persoana care lucrează cu tine să vedeți cum merg lucrurile în diferite părți ale vieții tale și să plănuiți la ce să lucrați împreună. Vom pune aceleași întrebări din nou mai târziu, ca să vedeți amândoi ce s-a schimbat. Nu există răspunsuri bune sau greșite și poți sări peste orice întrebare. Persoana care lucrează cu tine va citi răspunsurile tale.',
    'اس سے آپ اور آپ کے ورکر کو یہ دیکھنے میں مدد ملتی ہے کہ آپ کی زندگی کے مختلف حصوں میں حالات کیسے چل رہے ہیں، اور مل کر کس چیز پر کام کرنا ہے۔ ہم بعد میں یہی سوال دوبارہ پوچھیں گے تاکہ آپ دونوں دیکھ سکیں کہ کیا بدلا ہے۔ کوئی جواب صحیح یا غلط نہیں ہے، اور آپ کوئی بھی سوال چھوڑ سکتے ہیں۔ آپ کا ورکر آپ کے جواب پڑھے گا۔',
  ),
  thanks: t(
    'Thank you. Your worker will talk with you about your answers.',
    'Diolch. Bydd dy weithiwr yn siarad gyda ti am dy atebion.',
    'Dziękujemy. Osoba, która z tobą pracuje, porozmawia z tobą o twoich odpowiedziach.',
    'Mulțumim. Persoana care lucrează cu tine va vorbi cu tine despre răspunsurile tale.',
    'شکریہ۔ آپ کا ورکر آپ کے جوابات کے بارے میں آپ سے بات کرے گا۔',
  ),
  questions: [
    ...AREAS.map(lifeAreaQuestion),
    {
      id: 'want_to_work_on',
      type: 'long_text',
      title: t(
        'Is there anything you would like to work on together?',
        "Oes rhywbeth yr hoffet ti weithio arno gyda'n gilydd?",
        'Czy jest coś, nad czym chcesz razem popracować?',
        'Este ceva la care ai vrea să lucrăm împreună?',
        'کیا کوئی ایسی چیز ہے جس پر آپ مل کر کام کرنا چاہیں گے؟',
      ),
      easyRead: { title: t('What would you like help with?', 'Gyda beth hoffet ti help?', 'W czym chcesz pomocy?', 'La ce ai vrea ajutor?', 'آپ کس چیز میں مدد چاہیں گے؟') },
      report: { label: 'Would like to work on' },
    },
  ],
};
