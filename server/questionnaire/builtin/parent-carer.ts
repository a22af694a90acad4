// Parent and carer feedback: how the work with their child felt for the family. Adult plain
// English; a worry about the child's safety raises an alert for the child's worker.
import type { Definition, LocalisedText, Question } from '../definition.ts';
import { facesOptions, frequencyOptions, worryYesNoOptions, yesNoOptions } from './scales.ts';
import { t } from './text.ts';

function often(id: string, label: string, title: LocalisedText, statement: LocalisedText): Question {
  return { id, type: 'frequency', options: frequencyOptions(), title, report: { label, statement } };
}

export const ParentCarerFeedback: Definition = {
  schemaVersion: 1,
  slug: 'parent-carer',
  kind: 'parent_carer',
  audience: 'parent_carer',
  languages: ['en', 'cy', 'pl', 'ro', 'ur'],
  title: t('Your views as a parent or carer', 'Eich barn fel rhiant neu ofalwr', 'Opinia rodzica lub opiekuna', 'Părerea dumneavoastră ca părinte sau îngrijitor', 'والدین یا سرپرست کے طور پر آپ کی رائے'),
  intro: t(
    "Your child has been working with the youth justice service. We would like to know how it was for you and your family. Your answers are read by the team manager and help us improve; your child's worker will see them too. You can skip any question.",
    "Mae eich plentyn wedi bod yn gweithio gyda'r gwasanaeth cyfiawnder ieuenctid. Hoffen ni wybod sut brofiad oedd hyn i chi a'ch teulu. Mae rheolwr y tîm yn darllen eich atebion, ac maen nhw'n ein helpu i wella; bydd gweithiwr eich plentyn yn eu gweld hefyd. Gallwch chi hepgor unrhyw gwestiwn.",
    'Państwa dziecko współpracowało z naszą służbą dla młodzieży. Chcielibyśmy wiedzieć, jak to wyglądało dla Państwa i Państwa rodziny. Odpowiedzi czyta kierownik zespołu i pomagają nam się poprawiać; zobaczy je też osoba pracująca z dzieckiem. Można pominąć każde pytanie.',
    'Copilul dumneavoastră a lucrat cu serviciul de justiție pentru tineri. Am dori să știm cum a fost pentru dumneavoastră și familia dumneavoastră. Răspunsurile sunt citite de șeful echipei și ne ajută să ne îmbunătățim; le va vedea și persoana care lucrează cu copilul. Puteți sări peste orice întrebare.',
    'آپ کا بچہ یوتھ جسٹس سروس کے ساتھ کام کر رہا ہے۔ ہم جاننا چاہتے ہیں کہ یہ آپ اور آپ کے خاندان کے لیے کیسا رہا۔ آپ کے جواب ٹیم مینیجر پڑھتے ہیں اور ان سے ہمیں بہتری میں مدد ملتی ہے؛ آپ کے بچے کا ورکر بھی انہیں دیکھے گا۔ آپ کوئی بھی سوال چھوڑ سکتے ہیں۔',
  ),
  thanks: t(
    'Thank you. What you have told us will help us work better with families.',
    "Diolch. Bydd yr hyn rydych chi wedi'i ddweud yn ein helpu i weithio'n well gyda theuluoedd.",
    'Dziękujemy. Państwa odpowiedzi pomogą nam lepiej współpracować z rodzinami.',
    'Vă mulțumim. Ce ne-ați spus ne va ajuta să lucrăm mai bine cu familiile.',
    'شکریہ۔ آپ نے جو بتایا اس سے ہمیں خاندانوں کے ساتھ بہتر کام کرنے میں مدد ملے گی۔',
  ),
  questions: [
    often(
      'kept_informed',
      'Kept informed',
      t("Were you kept informed about your child's work with us?", "Gawsoch chi wybod beth oedd yn digwydd yng ngwaith eich plentyn gyda ni?", 'Czy informowano Państwa o pracy z dzieckiem?', 'Ați fost ținut(ă) la curent cu munca noastră cu copilul dumneavoastră?', 'کیا آپ کو اپنے بچے کے ساتھ ہمارے کام کے بارے میں باخبر رکھا گیا؟'),
      t('said they were kept informed all or most of the time', "wedi dweud eu bod wedi cael gwybod drwy'r amser neu'r rhan fwyaf o'r amser", 'powiedziało, że zawsze lub przez większość czasu byli informowani', 'au spus că au fost ținuți la curent tot timpul sau de cele mai multe ori', 'نے کہا کہ انہیں ہر وقت یا زیادہ تر وقت باخبر رکھا گیا'),
    ),
    often(
      'listened_to',
      'Views listened to',
      t('Did staff listen to your views?', 'Wnaeth y staff wrando ar eich barn?', 'Czy pracownicy wysłuchali Państwa zdania?', 'Personalul v-a ascultat părerile?', 'کیا عملے نے آپ کی رائے سنی؟'),
      t('said staff listened to their views all or most of the time', "wedi dweud bod y staff wedi gwrando ar eu barn drwy'r amser neu'r rhan fwyaf o'r amser", 'powiedziało, że pracownicy zawsze lub przez większość czasu słuchali ich zdania', 'au spus că personalul le-a ascultat părerile tot timpul sau de cele mai multe ori', 'نے کہا کہ عملے نے ہر وقت یا زیادہ تر وقت ان کی رائے سنی'),
    ),
    often(
      'involved',
      'Involved in planning',
      t('Were you involved in planning the work with your child?', "Gawsoch chi eich cynnwys wrth gynllunio'r gwaith gyda'ch plentyn?", 'Czy byli Państwo zaangażowani w planowanie pracy z dzieckiem?', 'Ați fost implicat(ă) în planificarea muncii cu copilul dumneavoastră?', 'کیا آپ کو اپنے بچے کے ساتھ کام کی منصوبہ بندی میں شامل کیا گیا؟'),
      t('said they were involved in planning all or most of the time', "wedi dweud eu bod wedi cael eu cynnwys wrth gynllunio drwy'r amser neu'r rhan fwyaf o'r amser", 'powiedziało, że zawsze lub przez większość czasu brali udział w planowaniu', 'au spus că au fost implicați în planificare tot timpul sau de cele mai multe ori', 'نے کہا کہ انہیں ہر وقت یا زیادہ تر وقت منصوبہ بندی میں شامل کیا گیا'),
    ),
    often(
      'treated_with_respect',
      'Treated with respect',
      t('Were you treated with respect?', 'Gawsoch chi eich trin â pharch?', 'Czy traktowano Państwa z szacunkiem?', 'Ați fost tratat(ă) cu respect?', 'کیا آپ کے ساتھ عزت سے پیش آیا گیا؟'),
      t('said they were treated with respect all or most of the time', "wedi dweud eu bod wedi cael eu trin â pharch drwy'r amser neu'r rhan fwyaf o'r amser", 'powiedziało, że zawsze lub przez większość czasu traktowano ich z szacunkiem', 'au spus că au fost tratați cu respect tot timpul sau de cele mai multe ori', 'نے کہا کہ ہر وقت یا زیادہ تر وقت ان کے ساتھ عزت سے پیش آیا گیا'),
    ),
    {
      id: 'helped_child',
      type: 'yes_no',
      options: yesNoOptions(),
      title: t('Do you think the work has helped your child?', "Ydych chi'n meddwl bod y gwaith wedi helpu eich plentyn?", 'Czy uważają Państwo, że ta praca pomogła dziecku?', 'Credeți că munca noastră l-a ajutat pe copilul dumneavoastră?', 'کیا آپ کے خیال میں اس کام سے آپ کے بچے کی مدد ہوئی؟'),
      report: {
        label: 'Work helped their child',
        statement: t('said the work helped their child', "wedi dweud bod y gwaith wedi helpu eu plentyn", 'powiedziało, że praca pomogła ich dziecku', 'au spus că munca l-a ajutat pe copilul lor', 'نے کہا کہ اس کام سے ان کے بچے کی مدد ہوئی'),
      },
    },
    {
      id: 'service_good',
      type: 'faces',
      options: facesOptions(),
      title: t('Overall, how good was the service?', "At ei gilydd, pa mor dda oedd y gwasanaeth?", 'Ogólnie, jak oceniają Państwo naszą pomoc?', 'În general, cât de bun a fost serviciul?', 'مجموعی طور پر سروس کتنی اچھی تھی؟'),
      report: {
        label: 'Service was good',
        statement: t('said the service was good', 'wedi dweud bod y gwasanaeth yn dda', 'powiedziało, że pomoc była dobra', 'au spus că serviciul a fost bun', 'نے کہا کہ سروس اچھی تھی'),
      },
    },
    {
      id: 'worried_about_safety',
      type: 'yes_no',
      options: worryYesNoOptions(),
      title: t("Are you worried about your child's safety right now?", "Ydych chi'n poeni am ddiogelwch eich plentyn ar hyn o bryd?", 'Czy martwią się Państwo teraz o bezpieczeństwo dziecka?', 'Sunteți îngrijorat(ă) acum pentru siguranța copilului dumneavoastră?', 'کیا آپ اس وقت اپنے بچے کی حفاظت کے بارے میں فکرمند ہیں؟'),
      hint: t(
        "If you say yes, your child's worker will contact you soon. If anyone is in danger now, call 999.",
        "Os byddwch chi'n dweud ydw, bydd gweithiwr eich plentyn yn cysylltu â chi cyn bo hir. Os oes unrhyw un mewn perygl nawr, ffoniwch 999.",
        'Jeśli odpowiedzą Państwo tak, osoba pracująca z dzieckiem wkrótce się z Państwem skontaktuje. Jeśli ktoś jest teraz w niebezpieczeństwie, proszę dzwonić pod 999.',
        'Dacă răspundeți da, persoana care lucrează cu copilul vă va contacta în curând. Dacă cineva este în pericol acum, sunați la 999.',
        'اگر آپ ہاں کہیں تو آپ کے بچے کا ورکر جلد آپ سے رابطہ کرے گا۔ اگر کوئی ابھی خطرے میں ہے تو 999 پر کال کریں۔',
      ),
      report: {
        label: 'Not worried about safety',
        statement: t("said they were not worried about their child's safety", "wedi dweud nad oedden nhw'n poeni am ddiogelwch eu plentyn", 'powiedziało, że nie martwią się o bezpieczeństwo dziecka', 'au spus că nu sunt îngrijorați pentru siguranța copilului', 'نے کہا کہ وہ اپنے بچے کی حفاظت کے بارے میں فکرمند نہیں'),
      },
    },
    {
      id: 'safety_tell_more',
      type: 'long_text',
      showIf: { questionId: 'worried_about_safety', anyOf: ['yes', 'not_sure'] },
      title: t('Would you like to tell us more?', 'Hoffech chi ddweud mwy wrthon ni?', 'Czy chcieliby Państwo powiedzieć nam coś więcej?', 'Doriți să ne spuneți mai multe?', 'کیا آپ ہمیں مزید بتانا چاہیں گے؟'),
      report: { label: 'About safety' },
    },
    {
      id: 'went_well',
      type: 'long_text',
      title: t('What went well?', 'Beth aeth yn dda?', 'Co poszło dobrze?', 'Ce a mers bine?', 'کیا اچھا رہا؟'),
      report: { label: 'What went well' },
    },
    {
      id: 'could_do_better',
      type: 'long_text',
      title: t('What could we do better?', "Beth allen ni ei wneud yn well?", 'Co moglibyśmy robić lepiej?', 'Ce am putea face mai bine?', 'ہم کیا بہتر کر سکتے ہیں؟'),
      report: { label: 'What could be better' },
    },
  ],
};
