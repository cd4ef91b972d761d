# Вградени български текстове на интерфейса. Файлът i18n/bg.ftl на сайта може да замени всеки от тях.

other-language = English
skip-link = Към съдържанието
menu-label = Основно меню
menu-button = Меню
menu-az = Всички услуги от А до Я
home = Начало
untranslated = все още не е преведено
untranslated-body = Този текст все още не е преведен.
transliterated = транслитерирано

## Търсене
search-label = Потърсете услуга
search-placeholder = напр. дневен център, възрастни хора, Русе
search-button = Търсене
search-title = Търсене
search-noscript = Търсенето на тази страница работи с JavaScript, а този браузър не го изпълнява. Всяка услуга е в списъка от А до Я и в разделите по-долу.
search-browse = Или разгледайте:
# Думите на search.js (идват с manifest.json): { $q } е заявката, { $n } — число.
search-results-one = резултат за „{ $q }“.
search-results-many = резултата за „{ $q }“.
search-partial = Няма страница с всички думи; показани са най-близките.
search-did-you-mean = Може би търсите:
search-other-language = „{ $q }“ се намира в английската версия:
search-other-language-link = търсене на английски ({ $n })
search-filters = Филтри
search-any = Всички
search-nearest = Най-близо до мен
search-nearest-help = Местоположението ви остава в браузъра и не се изпраща никъде.
search-nearest-failed = Местоположението не е достъпно.
search-km = { $n } км
search-more = Покажи още
search-loading = Търсене…
search-error = Търсенето не можа да се зареди.

## Бройки (правилата за множествено число на Fluent)
services-count = { $count ->
    [one] 1 услуга
   *[other] { $count } услуги
}
providers-count = { $count ->
    [one] 1 организация
   *[other] { $count } организации
}
partnerships-count = { $count ->
    [one] 1 партньорство
   *[other] { $count } партньорства
}
places-count = { $count ->
    [one] 1 място
   *[other] { $count } места
}
units-count = { $count ->
    [one] 1 звено
   *[other] { $count } отделни звена
}

## Начална страница
home-counts = В указателя има { $services ->
    [one] 1 услуга
   *[other] { $services } услуги
} ({ $units ->
    [one] 1 звено
   *[other] { $units } звена
}) на { $providers ->
    [one] 1 организация
   *[other] { $providers } организации
}.
home-about = За указателя
home-browse = Намерете помощ според нуждата
home-more = Още
feed-title = ново в указателя
feed-link = Ново в указателя (Atom)
footer-built = Сайтът е обновен на { $date }

## Речници
# Името на речника като заглавие на страниците му; .facet — като филтър при търсенето;
# .taxonomy и .description — като таксономия в отворените данни.
vocab-service-types = Видове услуги
    .facet = Вид услуга
    .taxonomy = Видове услуги
    .description = Видът на социалната услуга.
vocab-activities = Какво предлагат услугите
    .facet = Дейност
    .taxonomy = Дейности по Закона за социалните услуги
    .description = Десетте групи дейности по Закона за социалните услуги (в сила от 01.07.2020).
vocab-target-groups = За кого са услугите
    .facet = За кого
    .taxonomy = Целеви групи
    .description = За кого е услугата.
vocab-funding = Финансиране
    .facet = Финансиране
    .taxonomy = Финансиране
    .description = Откъде идват парите за услугата.
vocab-localities = Населени места
    .facet = Населено място
    .taxonomy = Населени места
    .description = Населеното място, в което е адресът.
vocab-provider-kinds = Организации
    .facet = Вид организация
    .taxonomy = Видове организации
    .description = Какъв вид е организацията.
vocab-partnership-kinds = Партньорства
    .facet = Вид споразумение
    .taxonomy = Видове партньорства
    .description = Какъв вид е споразумението между организации.
term-empty = Тук все още няма нищо.

## Страница на услуга
service-offers = Какво предлага
service-for-whom = За кого е
ages-range = На възраст от { $min } до { $max } г.
ages-from = На възраст от { $min } г.
ages-to = На възраст до { $max } г.
service-where = Къде
no-address = Все още няма посочен адрес. Попитайте доставчика или Дирекция „Социално подпомагане“.
service-when = Работно време
service-how = Как да я ползвате
referral-not-needed = Можете да дойдете и без направление от Дирекция „Социално подпомагане“ (ДСП).
referral-needed = Нужно е направление от Дирекция „Социално подпомагане“ (ДСП).
fee-yes = Услугата е платена.
fee-no = Услугата е безплатна.
how-unknown = Указателят все още не посочва това; попитайте в услугата или в Дирекция „Социално подпомагане“.
service-who = Кой я предоставя
provider-not-listed = Доставчикът все още не е включен в указателя.
service-size = Капацитет и финансиране
capacity = Капацитет
units = Звена
funding = Финансиране
licences = Лицензи
partnerships = Партньорства
related = Свързани услуги
more = Подробно
wheelchair-yes = Достъпно с инвалидна количка
wheelchair-no = Не е достъпно с инвалидна количка
map-link = Вижте на картата (OpenStreetMap)
# Също в брошурите и в отворените данни (.description).
no-provider = Доставчикът не е посочен
    .description = Източниците на указателя не посочват кой предоставя тези услуги.

## Работно време
hours-day-mo = пон.
hours-day-tu = вт.
hours-day-we = ср.
hours-day-th = чет.
hours-day-fr = пет.
hours-day-sa = съб.
hours-day-su = нед.
hours-every-day = всеки ден
hours-public-holidays = официални празници
hours-closed = затворено
hours-open-24-hours = денонощно
hours-always-open = { hours-open-24-hours }, { hours-every-day }

## Контакт
contact = Контакт
contact-person = Лице за контакт
contact-phone = Телефон
contact-email = Имейл
contact-website = Уебсайт
contact-facebook = Facebook
contact-none = Все още няма посочени данни за контакт.
fallback-title = Кого да попитате
fallback-intro = Тази страница още не дава телефон или адрес на услугата. Попитайте:
fallback-source = Според
licence-number = № { $number }
licence-issued = издаден на { $date }
licence-by = от

## Записи
sources = Източници
verified = Проверено на

## Страница на доставчик
provider-services = Услуги, които предоставя
provider-no-services = Указателят не посочва услуги на тази организация.
provider-where = Къде
provider-partnerships = Партньорства, в които участва
eik = ЕИК

## Страница на партньорство
in-force = В сила към { $date }
not-in-force = Не е в сила към { $date }
not-yet-in-force = Все още не е в сила към { $date }; започва на { $start }.
partnership-parties = Страни
partnership-term = Срок и правно основание
partnership-period = Срок
period-from-to = от { $start } до { $end }
period-from = от { $start }, без краен срок
partnership-basis = Правно основание
partnership-services = Услуги, които обхваща

## Няма такава страница
not-found-title = Няма такава страница
not-found-text = На този адрес няма страница. Може да е преместена или адресът да е сгрешен.
not-found-home = Към началната страница

## Дати
date = { $dd }.{ $month }.{ $year } г.
month-1 = януари
month-2 = февруари
month-3 = март
month-4 = април
month-5 = май
month-6 = юни
month-7 = юли
month-8 = август
month-9 = септември
month-10 = октомври
month-11 = ноември
month-12 = декември
brochures-title = Брошури
brochures-link = Брошури за печат
brochures-intro = Брошури в PDF за разпечатване и раздаване на срещи, семинари и базари. Всяка услуга в тях има QR код към страницата си в указателя. Брошурите са PDF с маркирана структура (PDF/UA), който екранните четци прочитат; книжките за печат на A4 са само за печат.
brochures-events = Брошури за събития
brochures-providers = Брошура на всяка организация
brochures-none = Още няма брошури за събития.
provider-brochure = Брошура на организацията (PDF)
brochures-booklet = книжка за печат на A4 и сгъване (PDF само за печат)

## Accessibility statement (config.toml [accessibility])
accessibility-link = Достъпност
accessibility-title = Декларация за достъпност
accessibility-intro = { $publisher } се стреми този сайт да бъде достъпен за всички, в съответствие с Директива (ЕС) 2016/2102 относно достъпността на уебсайтовете и мобилните приложения на организациите от обществения сектор.
accessibility-standard = Сайтът се проверява спрямо Указанията за достъпност на уеб съдържанието (WCAG) 2.1, нива A и AA, към които препраща хармонизираният стандарт EN 301 549.
accessibility-result = Последна оценка
accessibility-evaluated = Сайтът е оценен на
accessibility-not-evaluated = Сайтът още не е оценяван.
accessibility-method = Как се проверява сайтът
accessibility-method-intro = Самооценка: при всяка промяна на програмата, която изгражда сайта, автоматични тестове в браузър проверяват:
accessibility-test-axe = с axe-core — правилата на WCAG 2.1 за нива A и AA на всеки вид страница, на български и на английски;
accessibility-test-html = с Nu Html Checker — че всяка страница е валиден HTML;
accessibility-test-keyboard = само с клавиатура — че всяка връзка и всеки бутон се достигат, фокусът се вижда и връзката „Към съдържанието“ работи;
accessibility-test-phone = на екран на телефон, широк 360 пиксела — че страниците не се превъртат настрани и че всичко, което се натиска, е поне 24 пиксела;
accessibility-test-print = при печат — че обикновена страница на услуга се събира на един лист A4, без менюто.
accessibility-method-limits = Автоматичните тестове откриват само част от пречките. Хората, които ползват помощни технологии, откриват други — затова отзивите ви са важни.
accessibility-feedback = Обратна връзка
accessibility-feedback-intro = Ако срещнете пречка в сайта или имате нужда от информацията в друга форма, пишете ни или се обадете:
accessibility-no-contact = Начинът, по който да съобщите на { $publisher } за пречки в сайта, още не е определен.

## Печатни брошури

print-kind-event = Брошура
print-kind-provider = Доставчик на социални услуги
print-printed-on = Отпечатано на { $date }
print-date = { $day }.{ $month }.{ $year } г.
print-notes = Бележки
print-contents = Съдържание
print-introduction = Въведение
print-page = стр.
print-page-of = { $page } от { $total }

print-for-whom = За кого
print-ages = възраст { $min }–{ $max } г.
print-ages-from = от { $min } г.
print-ages-to = до { $max } г.
print-offers = Какво предлага
print-where = Къде и кога
print-access = Как да ползвате
print-runs = Кой я предоставя
print-contact = Връзка
print-no-location = Адресът не е посочен в източниците на указателя.
print-self-referral-yes = Може да се обърнете сами, без направление.
print-self-referral-no = С направление от Дирекция „Социално подпомагане“.
print-fee-no = Безплатна за потребителя.
print-capacity = Места: { $count }
print-wheelchair-yes = достъпно с инвалидна количка
print-wheelchair-no = няма достъп с инвалидна количка
print-person = Лице за контакт: { $name }
print-not-translated = Все още не е преведено.

print-provider-about = За организацията
print-provider-eik = ЕИК { $eik }
print-licences = Лицензи и удостоверения
print-licence-issued = от { $date }
print-services = Услуги
print-services-of = Услугите на организацията

print-other-services = Други услуги
print-closing-title = Пълният указател
print-closing-text = Всички социални услуги в общината, с адреси, телефони и последни данни, са в електронния указател. Там има търсене и брошури на доставчиците.
print-scan = Сканирайте кодовете с телефона си: всеки отваря страницата на услугата в указателя.
# The text a screen reader reads in place of a QR code (the brochures are tagged PDF/UA).
print-qr-page = QR код: отваря страницата на „{ $name }“ в онлайн указателя, { $url }
print-qr-home = QR код: отваря онлайн указателя, { $url }
# The A4 booklet is imposed for folding; its title and subject send readers to the A5 file.
print-booklet-title = { $title } – книжка за печат на A4
print-booklet-description = Версия за печат и сгъване, без структура за екранни четци. За четене на екран: { $url }

## Отворени данни: страницата
# Връзката към страницата и заглавието ѝ.
open-data-link = Отворени данни
open-data-files = Файлове
open-data-bytes = { $count ->
    [one] { $count } байт
   *[other] { $count } байта
}
# A file's size of 1,000 bytes or more: $number is already written with the decimal separator.
open-data-size = { $unit ->
    [kb] { $number } KB
   *[mb] { $number } MB
}
# The decimal separator of numbers written by the program (file sizes).
decimal-separator = ,
opendata-page-intro = Данните от този указател са свободни за повторна употреба – от Агенцията за социално подпомагане, от телефонни линии за помощ, от журналисти, от Портала за отворени данни. Тук са всички { $services } услуги и { $organizations } организации на указателя, създадени отново при последното публикуване на сайта ({ $date }). Публикува ги { $publisher }.
opendata-page-standard = Файловете следват международния стандарт за указатели на социални услуги Human Services Data Specification (HSDS) 3.0 на Open Referral. hsds.json съдържа масивите organizations и services; всяка услуга е пълен обект по HSDS с организацията, адресите, работното време, телефоните, лицата за контакт, финансирането и класификациите си (вид услуга, дейности, целеви групи, финансиране, населено място). Същите данни са и в табличната форма на HSDS – файлове CSV с описание datapackage.json (Frictionless Data Package).
opendata-page-languages = HSDS няма полета на няколко езика, затова всеки език е в отделни файлове: hsds.json и csv/bg/ са на български, hsds.en.json и csv/en/ – на английски. Записите в двата езика имат едни и същи идентификатори. Където английски превод още липсва, текстът е на български, а адресите – транслитерирани.
opendata-page-ids = Идентификаторите са UUID, версия 5, изведени от идентификаторите на указателя (например service/<id> за услуга, provider/<id> за организация) – не се променят между публикациите. Адресът на страницата на всяка услуга и организация е в полетата url и uri. Часовете са местно време в България.
opendata-data-licence = Данните се публикуват под лиценз { $name }.
opendata-data-licence-none = Общината още не е посочила лиценз на данните.
opendata-file-json = Всички организации и услуги по HSDS 3.0, в JSON
opendata-file-datapackage = Описание на таблиците CSV (Frictionless Data Package)
opendata-file-table = Таблица „{ $name }“ на HSDS, CSV

## Отворени данни: файловете по HSDS
opendata-package-description = Социалните услуги и организациите на указателя по Human Services Data Specification (HSDS) 3.0, таблична форма.
opendata-free-of-charge = Услугата е безплатна за потребителите.
opendata-charges = Услугата е платена: потребителите заплащат такса.
opendata-self-referral = Можете да се обърнете направо към услугата, без направление от Дирекция „Социално подпомагане“.
opendata-needs-referral = Нужно е направление от Дирекция „Социално подпомагане“.
opendata-ages-range = Възраст: от { $min } до { $max } години.
opendata-ages-from = Възраст: от { $min } години.
opendata-ages-to = Възраст: до { $max } години.
opendata-wheelchair-yes = Достъпно с инвалидна количка.
opendata-wheelchair-no = Няма достъп с инвалидна количка.
opendata-bulgarian = български
opendata-language-note = Социалните услуги в България се предоставят на български език; източниците на указателя не посочват други езици.
opendata-eik = ЕИК (Единен идентификационен код)
# Лиценз на услуга: номер, после дата, издател и обхват, когато са известни (none, когато не са).
opendata-service-licence = { licence-number }{ $issued ->
        [none] {""}
       *[other] {" "}от { $issued }
    }{ $issuer ->
        [none] {""}
       *[other] , издаден от { $issuer }
    }{ $scope ->
        [none] {""}
       *[other] {" "}({ $scope })
    }
# Пред правилата за официалните празници в notes на графиците.
opendata-public-holidays = Официални празници
# Числата за услугата, за които HSDS няма поле (атрибути на таксономията „figures“).
opendata-figures = Числа за услугата
    .description = Числа за услугата, за които HSDS 3.0 няма поле; числото е стойността (value) на атрибута.
opendata-figure-units = Брой отделни звена
opendata-figure-capacity = Капацитет (места)
opendata-figure-users = Брой потребители по последни данни

## Източници, проверка и срокове (issue 17)

sources-according-to = По данни от:
checked-with-provider = Проверено с доставчика на
date-month = { $monthname } { $year } г.
date-year = { $year } г.
in-force-unknown = Източниците не казват дали е в сила към { $date }.
period-from-end-unknown = от { $start }; крайната дата не е известна
period-to-start-unknown = до { $end }; началната дата не е известна
period-open-start-unknown = без краен срок; началната дата не е известна
period-unknown = не е известен
print-draft = ПРОБЕН ОТПЕЧАТЪК – адресът на сайта още не е определен
home-counts-without-units = В указателя има { $services ->
    [one] 1 услуга
   *[other] { $services } услуги
}{ $providers ->
    [0] {""}
   *[other] { $services ->
        [one] , предоставяна от
       *[other] , предоставяни от
    } { $providers ->
        [one] 1 организация
       *[other] { $providers } организации
    }
}.
sources-page-title = Източници на данните
sources-page-intro = Документите, от които идват сведенията в указателя, с датите им и записите, които се позовават на тях. Сведенията са толкова верни, колкото са документите към датата си.
sources-page-cited-by = { $count ->
    [one] На него се позовава 1 запис:
   *[other] На него се позовават { $count } записа:
}

## Area served (`area_served`): where a service without an address works
area-served = Обслужва:
area-served-municipality = Обслужва цялата община.
opendata-area-municipality = Цялата община

## Списъци от А до Я (/uslugi/, /dostavchitsi/)
az-services-title = Всички услуги от А до Я
az-services-intro = Всички социални услуги в указателя, подредени по азбучен ред на името. Всяка води към страницата си: какво предлага, за кого е, къде е и как се ползва.
az-providers-title = Всички организации от А до Я
az-providers-intro = Всички организации в указателя – общината, държавни органи и неправителствени организации, – подредени по азбучен ред на името.
az-letters = Букви
az-part-title = { $title }, страница { $part } от { $parts }
az-part-line = Страница { $part } от { $parts }: от „{ $from }“ до „{ $to }“.
list-parts = Страници на списъка
list-previous = Предишна
list-next = Следваща
