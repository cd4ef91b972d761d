# Етикети на речниците (vocabularies.toml) на указателя на социалните услуги в община Русе.
# Ключ: <име-на-списъка>-<id>. Няколко текста на интерфейса са заменени в края на файла.

## Видове услуги

service-types-day-centre = Дневен център
service-types-csri = Център за социална рехабилитация и интеграция (ЦСРИ)
service-types-tsop = Център за обществена подкрепа (ЦОП)
service-types-tsrdu = Център за работа с деца на улицата
service-types-tsnst = Център за настаняване от семеен тип (ЦНСТ)
service-types-mother-baby-unit = Звено „Майка и бебе“
service-types-protected-home = Защитено жилище
service-types-crisis-centre = Кризисен център
service-types-shelter = Приют / център за временно настаняване
service-types-institution = Специализирана институция (дом)
service-types-home-patronage = Домашен социален патронаж
service-types-public-canteen = Обществена трапезария
service-types-foster-care = Приемна грижа
service-types-emergency-admission = Спешен прием

## Десетте групи дейности по Закона за социалните услуги

activities-information-counselling = Информиране и консултиране
    .description = Ще научите какви права и възможности имате, къде да потърсите помощ и как да решите конкретен проблем.
activities-advocacy-mediation = Застъпничество и посредничество
    .description = Специалист застава до вас пред институции, съд или училище и помага да се чуе вашата позиция.
activities-community-work = Общностна работа
    .description = Работа с цял квартал или село, за да се справят хората заедно с общи трудности.
activities-therapy-rehabilitation = Терапия и рехабилитация
    .description = Психологическа подкрепа, терапия и упражнения, които помагат на човека да възстанови или развие своите умения.
activities-skills-training = Обучение за придобиване на умения
    .description = Учене на умения за самостоятелен живот: грижа за себе си и за децата, домакинство, общуване.
activities-work-skills = Подкрепа за придобиване на трудови умения
    .description = Помощ да се подготвите за работа, да я намерите и да я задържите.
activities-day-care = Дневна грижа
    .description = Грижа и занимания през деня, след които човекът се прибира у дома.
activities-residential-care = Резидентна грижа
    .description = Човекът живее в услугата, когато не може да живее в собствения си дом или семейство.
activities-shelter = Осигуряване на подслон
    .description = Временно място за спане и живеене при беда – без дом, при насилие или при криза.
activities-assistant-support = Асистентска подкрепа
    .description = Помощ в ежедневните нужди – храна, домакинство, придвижване – за хора, които не се справят сами.

## Целеви групи

target-groups-children = Деца и младежи
target-groups-children-disabilities = Деца и младежи с увреждания
target-groups-children-without-parental-care = Деца, лишени от родителска грижа
target-groups-street-children = Деца на улицата
target-groups-children-conflict-law = Деца в контакт или конфликт със закона
target-groups-families-at-risk = Семейства с деца в риск
target-groups-mothers-babies = Бременни, родилки и майки с бебета
target-groups-foster-adoptive-families = Приемни и осиновителски семейства
target-groups-adults = Пълнолетни лица
target-groups-adults-disabilities = Хора с увреждания
target-groups-mental-health = Хора с психични разстройства
target-groups-intellectual-disability = Хора с умствена изостаналост
target-groups-elderly = Възрастни хора
target-groups-dementia = Хора с деменция
target-groups-violence-victims = Пострадали от насилие, трафик или експлоатация
target-groups-homeless = Хора без подслон
target-groups-low-income = Хора с ниски доходи

## Финансиране

funding-state-delegated = Делегирана от държавата дейност
funding-local = Местна дейност (общински бюджет)
funding-project = По проект

## Населени места

localities-ruse = Русе

## Видове организации

provider-kinds-municipality = Община
provider-kinds-municipal-directorate = Общинска дирекция
provider-kinds-ngo = Неправителствена организация
provider-kinds-church-charity = Църковна благотворителна организация
provider-kinds-company = Търговско дружество
provider-kinds-university = Университет
provider-kinds-state-agency = Държавна институция
provider-kinds-hospital = Болница

## Видове партньорства

partnership-kinds-cooperation-agreement = Споразумение за сътрудничество
partnership-kinds-management-contract = Договор за управление на социални услуги
partnership-kinds-service-contract = Договор за услуга

## Текстове на интерфейса, заменени за този указател
provider-not-listed = Източниците не посочват кой предоставя услугата.
no-address = Източниците не посочват адрес. Попитайте в Дирекция „Социално подпомагане“.
# Всички организации в указателя, не само доставчиците: в него има и държавни органи, а повечето
# услуги нямат посочен доставчик. Без броя звена: приемната грижа и „Спешен прием“ не са
# отделни звена от 42-те, затова не посочват `units`.
home-counts-without-units = В указателя има { $services ->
    [one] 1 описание на услуга
   *[other] { $services } описания на услуги
} и { $organisations ->
    [one] 1 организация
   *[other] { $organisations } организации
}. По данни на общината към януари 2020 г. в община Русе работят 42 социални услуги.
