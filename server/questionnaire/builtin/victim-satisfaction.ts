// The victim satisfaction survey, for people harmed by something a child did, after contact by
// the victim liaison officer and any restorative justice. Adult plain English; reported to the
// Victims Board against the 70% "satisfied or very satisfied" mark. Never shown to the child's
// case manager (the access policy enforces that; the intro says it).
import type { Definition, LocalisedText, Question } from '../definition.ts';
import { satisfactionOptions, worryYesNoOptions, yesNoOptions } from './scales.ts';
import { fill, t } from './text.ts';

const satisfiedWith = t(
  'were satisfied or very satisfied with {x}',
  'yn fodlon neu’n fodlon iawn gyda {x}',
  'było zadowolonych lub bardzo zadowolonych: {x}',
  'au fost mulțumiți sau foarte mulțumiți de {x}',
  '{x} سے مطمئن یا بہت مطمئن تھے',
);

function satisfaction(id: string, label: string, title: LocalisedText, about: LocalisedText, extra: Partial<Question> = {}): Question {
  return {
    id,
    type: 'single_choice',
    options: satisfactionOptions(),
    title,
    report: { label, statement: fill(satisfiedWith, about) },
    ...extra,
  } as Question;
}

export const VictimSatisfaction: Definition = {
  schemaVersion: 1,
  slug: 'victim-satisfaction',
  kind: 'victim_satisfaction',
  audience: 'victim',
  languages: ['en', 'cy', 'pl', 'ro', 'ur'],
  title: t('Your views on our support', 'Eich barn am ein cefnogaeth', 'Opinia o naszym wsparciu', 'Părerea dumneavoastră despre sprijinul nostru', 'ہماری مدد کے بارے میں آپ کی رائے'),
  intro: t(
    'You were affected by something a young person did, and our victim worker has been in touch with you. We would like to know how well we supported you. Your answers go to the victim and restorative justice team and, without your name, to the Victims Board. They are never shared with the young person or their case worker. You can skip any question.',
    "Cawsoch eich effeithio gan rywbeth wnaeth person ifanc, ac mae ein gweithiwr dioddefwyr wedi bod mewn cysylltiad â chi. Hoffen ni wybod pa mor dda y gwnaethon ni eich cefnogi. Mae eich atebion yn mynd i'r tîm dioddefwyr a chyfiawnder adferol ac, heb eich enw, i'r Bwrdd Dioddefwyr. Dydyn nhw byth yn cael eu rhannu gyda'r person ifanc na'i weithiwr achos. Gallwch hepgor unrhyw gwestiwn.",
    'Zostali Państwo dotknięci czymś, co zrobiła młoda osoba, a nasz pracownik ds. ofiar był z Państwem w kontakcie. Chcemy wiedzieć, jak dobrze Państwa wspieraliśmy. Odpowiedzi trafią do zespołu ds. ofiar i sprawiedliwości naprawczej oraz, bez nazwiska, do Rady ds. Ofiar. Nigdy nie są przekazywane młodej osobie ani osobie prowadzącej jej sprawę. Można pominąć każde pytanie.',
    'Ați fost afectat(ă) de ceva ce a făcut un tânăr, iar persoana noastră de sprijin pentru victime a luat legătura cu dumneavoastră. Am dori să știm cât de bine v-am sprijinit. Răspunsurile ajung la echipa pentru victime și justiție restaurativă și, fără numele dumneavoastră, la Consiliul pentru Victime. Nu sunt niciodată arătate tânărului sau persoanei care se ocupă de cazul lui. Puteți sări peste orice întrebare.',
    'آپ کسی نوجوان کے کسی عمل سے متاثر ہوئے، اور ہمارے متاثرین کے ورکر نے آپ سے رابطہ کیا۔ ہم جاننا چاہتے ہیں کہ ہم نے آپ کی کتنی اچھی مدد کی۔ آپ کے جواب متاثرین اور ریسٹوریٹو جسٹس کی ٹیم کو، اور آپ کے نام کے بغیر وکٹمز بورڈ کو جاتے ہیں۔ یہ کبھی بھی اس نوجوان یا اس کے کیس ورکر کو نہیں دکھائے جاتے۔ آپ کوئی بھی سوال چھوڑ سکتے ہیں۔',
  ),
  thanks: t(
    'Thank you for your time. What you have told us helps us support other people in your position.',
    "Diolch am eich amser. Mae'r hyn rydych chi wedi'i ddweud yn ein helpu i gefnogi pobl eraill yn yr un sefyllfa.",
    'Dziękujemy za poświęcony czas. Państwa odpowiedzi pomogą nam wspierać inne osoby w podobnej sytuacji.',
    'Vă mulțumim pentru timpul acordat. Ce ne-ați spus ne ajută să sprijinim alte persoane în situația dumneavoastră.',
    'آپ کے وقت کا شکریہ۔ آپ نے جو بتایا اس سے ہمیں آپ جیسی صورتحال میں دوسرے لوگوں کی مدد کرنے میں مدد ملے گی۔',
  ),
  questions: [
    {
      id: 'contacted',
      type: 'yes_no',
      options: yesNoOptions(),
      title: t('Did our victim worker contact you?', 'Wnaeth ein gweithiwr dioddefwyr gysylltu â chi?', 'Czy nasz pracownik ds. ofiar skontaktował się z Państwem?', 'V-a contactat persoana noastră de sprijin pentru victime?', 'کیا ہمارے متاثرین کے ورکر نے آپ سے رابطہ کیا؟'),
      report: {
        label: 'Contacted',
        statement: t('said they were contacted by the service', "wedi dweud bod y gwasanaeth wedi cysylltu â nhw", 'powiedziało, że skontaktowano się z nimi', 'au spus că au fost contactați de serviciu', 'نے کہا کہ سروس نے ان سے رابطہ کیا'),
      },
    },
    satisfaction(
      'sat_contact',
      'Being contacted',
      t('How satisfied are you with how we contacted you?', "Pa mor fodlon ydych chi gyda'r ffordd y gwnaethon ni gysylltu â chi?", 'Jak bardzo są Państwo zadowoleni ze sposobu, w jaki się z Państwem skontaktowaliśmy?', 'Cât de mulțumit(ă) sunteți de felul în care v-am contactat?', 'آپ ہمارے رابطہ کرنے کے طریقے سے کتنے مطمئن ہیں؟'),
      t('how they were contacted', 'sut cysylltwyd â nhw', 'sposób kontaktu', 'felul în care au fost contactați', 'رابطے کے طریقے'),
    ),
    satisfaction(
      'sat_information',
      'Enough information',
      t('How satisfied are you with the information we gave you?', "Pa mor fodlon ydych chi gyda'r wybodaeth a gawsoch chi gennyn ni?", 'Jak bardzo są Państwo zadowoleni z informacji, które od nas otrzymali?', 'Cât de mulțumit(ă) sunteți de informațiile primite de la noi?', 'آپ ہم سے ملنے والی معلومات سے کتنے مطمئن ہیں؟'),
      t('the information they were given', "y wybodaeth a gawson nhw", 'otrzymane informacje', 'informațiile primite', 'ملنے والی معلومات'),
    ),
    satisfaction(
      'sat_questions_answered',
      'Questions answered',
      t('How satisfied are you with how we answered your questions?', 'Pa mor fodlon ydych chi gyda sut wnaethon ni ateb eich cwestiynau?', 'Jak bardzo są Państwo zadowoleni z odpowiedzi na swoje pytania?', 'Cât de mulțumit(ă) sunteți de felul în care v-am răspuns la întrebări?', 'آپ اپنے سوالوں کے جواب ملنے سے کتنے مطمئن ہیں؟'),
      t('how their questions were answered', 'sut atebwyd eu cwestiynau', 'odpowiedzi na pytania', 'răspunsurile la întrebări', 'سوالوں کے جواب'),
    ),
    satisfaction(
      'sat_listened',
      'Listened to and taken seriously',
      t('How satisfied are you that you were listened to and taken seriously?', "Pa mor fodlon ydych chi eich bod wedi cael gwrandawiad a'ch cymryd o ddifrif?", 'Jak bardzo są Państwo zadowoleni z tego, że wysłuchano Państwa i potraktowano poważnie?', 'Cât de mulțumit(ă) sunteți că ați fost ascultat(ă) și luat(ă) în serios?', 'آپ اس بات سے کتنے مطمئن ہیں کہ آپ کی بات سنی گئی اور سنجیدگی سے لی گئی؟'),
      t('being listened to and taken seriously', "cael gwrandawiad a chael eu cymryd o ddifrif", 'wysłuchanie i poważne potraktowanie', 'faptul că au fost ascultați și luați în serios', 'بات سنے جانے اور سنجیدگی سے لیے جانے'),
    ),
    {
      id: 'rj_offered',
      type: 'yes_no',
      options: yesNoOptions(),
      title: t('Were you offered the chance to take part in restorative justice?', 'Gawsoch chi gynnig cymryd rhan mewn cyfiawnder adferol?', 'Czy zaproponowano Państwu udział w sprawiedliwości naprawczej?', 'Vi s-a oferit șansa de a participa la justiția restaurativă?', 'کیا آپ کو ریسٹوریٹو جسٹس (بحالی انصاف) میں حصہ لینے کی پیشکش کی گئی؟'),
      hint: t(
        'Restorative justice means you can tell the young person how what they did affected you, face to face, by letter or through us, if you want to.',
        "Mae cyfiawnder adferol yn golygu y gallwch chi ddweud wrth y person ifanc sut effeithiodd yr hyn a wnaethon nhw arnoch chi, wyneb yn wyneb, mewn llythyr neu drwyddon ni, os ydych chi eisiau.",
        'Sprawiedliwość naprawcza oznacza, że mogą Państwo, jeśli chcą, powiedzieć młodej osobie, jak jej czyn na Państwa wpłynął: osobiście, w liście albo za naszym pośrednictwem.',
        'Justiția restaurativă înseamnă că îi puteți spune tânărului cum v-a afectat ce a făcut, față în față, printr-o scrisoare sau prin noi, dacă doriți.',
        'ریسٹوریٹو جسٹس کا مطلب ہے کہ اگر آپ چاہیں تو آپ اس نوجوان کو بتا سکتے ہیں کہ اس کے عمل نے آپ کو کیسے متاثر کیا: آمنے سامنے، خط کے ذریعے یا ہمارے ذریعے۔',
      ),
      report: {
        label: 'Offered restorative justice',
        statement: t('said they were offered restorative justice', 'wedi dweud eu bod wedi cael cynnig cyfiawnder adferol', 'powiedziało, że zaproponowano im sprawiedliwość naprawczą', 'au spus că li s-a oferit justiția restaurativă', 'نے کہا کہ انہیں ریسٹوریٹو جسٹس کی پیشکش کی گئی'),
      },
    },
    {
      id: 'rj_taken_up',
      type: 'yes_no',
      options: yesNoOptions(),
      showIf: { questionId: 'rj_offered', anyOf: ['yes'] },
      title: t('Did you take part in restorative justice?', 'Wnaethoch chi gymryd rhan mewn cyfiawnder adferol?', 'Czy wzięli Państwo udział w sprawiedliwości naprawczej?', 'Ați participat la justiția restaurativă?', 'کیا آپ نے ریسٹوریٹو جسٹس میں حصہ لیا؟'),
      report: {
        label: 'Took part in restorative justice',
        statement: t('took part in restorative justice', 'wedi cymryd rhan mewn cyfiawnder adferol', 'wzięło udział w sprawiedliwości naprawczej', 'au participat la justiția restaurativă', 'نے ریسٹوریٹو جسٹس میں حصہ لیا'),
      },
    },
    satisfaction(
      'sat_rj',
      'Restorative justice',
      t('How satisfied are you with the restorative justice you took part in?', "Pa mor fodlon ydych chi gyda'r cyfiawnder adferol y gwnaethoch chi gymryd rhan ynddo?", 'Jak bardzo są Państwo zadowoleni ze sprawiedliwości naprawczej, w której wzięli Państwo udział?', 'Cât de mulțumit(ă) sunteți de justiția restaurativă la care ați participat?', 'آپ جس ریسٹوریٹو جسٹس میں شریک ہوئے اس سے کتنے مطمئن ہیں؟'),
      t('the restorative justice', 'y cyfiawnder adferol', 'sprawiedliwość naprawcza', 'justiția restaurativă', 'ریسٹوریٹو جسٹس'),
      { showIf: { questionId: 'rj_taken_up', anyOf: ['yes'] } },
    ),
    satisfaction(
      'sat_safe_respected',
      'Felt safe and respected',
      t('How satisfied are you that you felt safe and respected by us?', "Pa mor fodlon ydych chi eich bod wedi teimlo'n ddiogel ac wedi cael eich parchu gennyn ni?", 'Jak bardzo są Państwo zadowoleni z tego, że czuli się Państwo przy nas bezpiecznie i traktowani z szacunkiem?', 'Cât de mulțumit(ă) sunteți că v-ați simțit în siguranță și respectat(ă) de noi?', 'آپ اس بات سے کتنے مطمئن ہیں کہ ہمارے ساتھ آپ نے خود کو محفوظ اور باعزت محسوس کیا؟'),
      t('feeling safe and respected', "teimlo'n ddiogel ac yn cael eu parchu", 'poczucie bezpieczeństwa i szacunku', 'faptul că s-au simțit în siguranță și respectați', 'محفوظ اور باعزت محسوس کرنے'),
    ),
    satisfaction(
      'sat_harm_repaired',
      'Harm put right',
      t('How satisfied are you that the harm done to you was put right?', "Pa mor fodlon ydych chi bod y niwed a wnaed i chi wedi'i unioni?", 'Jak bardzo są Państwo zadowoleni z tego, jak naprawiono wyrządzoną Państwu szkodę?', 'Cât de mulțumit(ă) sunteți de felul în care a fost reparat răul care vi s-a făcut?', 'آپ اس بات سے کتنے مطمئن ہیں کہ آپ کو پہنچنے والے نقصان کا ازالہ کیا گیا؟'),
      t('the harm being put right', "unioni'r niwed", 'naprawienie szkody', 'repararea răului', 'نقصان کے ازالے'),
    ),
    satisfaction(
      'sat_told_outcome',
      'Told what happened in the end',
      t('How satisfied are you with being told what happened in the end?', 'Pa mor fodlon ydych chi gyda chael gwybod beth ddigwyddodd yn y diwedd?', 'Jak bardzo są Państwo zadowoleni z informacji o tym, jak sprawa się zakończyła?', 'Cât de mulțumit(ă) sunteți că vi s-a spus cum s-a încheiat totul?', 'آپ آخر میں کیا ہوا یہ بتائے جانے سے کتنے مطمئن ہیں؟'),
      t('being told what happened in the end', 'cael gwybod beth ddigwyddodd yn y diwedd', 'informacja o zakończeniu sprawy', 'faptul că li s-a spus cum s-a încheiat', 'آخر میں کیا ہوا یہ بتائے جانے'),
    ),
    satisfaction(
      'sat_overall',
      'Overall satisfaction',
      t('Overall, how satisfied are you with the service you received?', "At ei gilydd, pa mor fodlon ydych chi gyda'r gwasanaeth a gawsoch chi?", 'Ogólnie, jak bardzo są Państwo zadowoleni z otrzymanej pomocy?', 'În general, cât de mulțumit(ă) sunteți de serviciul primit?', 'مجموعی طور پر، آپ کو ملنے والی سروس سے آپ کتنے مطمئن ہیں؟'),
      t('the service overall', "y gwasanaeth at ei gilydd", 'usługa ogólnie', 'serviciul în ansamblu', 'مجموعی سروس'),
    ),
    {
      id: 'still_unsafe',
      type: 'yes_no',
      options: worryYesNoOptions(),
      title: t('Do you still feel unsafe, or fear it will happen again?', "Ydych chi'n dal i deimlo'n anniogel, neu'n ofni y bydd yn digwydd eto?", 'Czy nadal nie czują się Państwo bezpiecznie albo boją się, że to się powtórzy?', 'Încă nu vă simțiți în siguranță sau vă temeți că se va întâmpla din nou?', 'کیا آپ اب بھی خود کو غیر محفوظ محسوس کرتے ہیں، یا ڈرتے ہیں کہ یہ دوبارہ ہو گا؟'),
      hint: t(
        'If you say yes, our victim worker will contact you soon. If you are in danger now, call 999.',
        "Os byddwch chi'n dweud ydw, bydd ein gweithiwr dioddefwyr yn cysylltu â chi cyn bo hir. Os ydych chi mewn perygl nawr, ffoniwch 999.",
        'Jeśli odpowiedzą Państwo tak, nasz pracownik ds. ofiar wkrótce się z Państwem skontaktuje. W razie bezpośredniego zagrożenia proszę dzwonić pod 999.',
        'Dacă răspundeți da, persoana noastră de sprijin pentru victime vă va contacta în curând. Dacă sunteți în pericol acum, sunați la 999.',
        'اگر آپ ہاں کہیں تو ہمارا متاثرین کا ورکر جلد آپ سے رابطہ کرے گا۔ اگر آپ ابھی خطرے میں ہیں تو 999 پر کال کریں۔',
      ),
      report: {
        label: 'No longer feels unsafe',
        statement: t('said they no longer feel unsafe', "wedi dweud nad ydyn nhw'n teimlo'n anniogel mwyach", 'powiedziało, że nie czują się już zagrożeni', 'au spus că nu se mai simt în nesiguranță', 'نے کہا کہ وہ اب خود کو غیر محفوظ محسوس نہیں کرتے'),
      },
    },
    {
      id: 'comments',
      type: 'long_text',
      title: t(
        'Is there anything else you would like to tell us about the support you received?',
        "Oes unrhyw beth arall yr hoffech chi ei ddweud wrthon ni am y gefnogaeth a gawsoch chi?",
        'Czy chcieliby Państwo dodać coś jeszcze o otrzymanym wsparciu?',
        'Mai doriți să ne spuneți ceva despre sprijinul primit?',
        'کیا آپ ملنے والی مدد کے بارے میں ہمیں کچھ اور بتانا چاہیں گے؟',
      ),
      report: { label: 'Comments' },
    },
  ],
};
