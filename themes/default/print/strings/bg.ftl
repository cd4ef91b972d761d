# Built-in strings of the printed brochures (Bulgarian). A site's i18n/bg.ftl may override any of them.

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
print-no-provider = Доставчикът не е посочен
print-no-location = Адресът не е посочен в източниците на указателя.
print-self-referral-yes = Може да се обърнете сами, без направление.
print-self-referral-no = С направление от Дирекция „Социално подпомагане“.
print-fee-yes = Услугата е платена.
print-fee-no = Безплатна за потребителя.
print-capacity = Места: { $count }
print-wheelchair-yes = достъпно с инвалидна количка
print-wheelchair-no = няма достъп с инвалидна количка
print-person = Лице за контакт: { $name }
print-not-translated = Все още не е преведено.

print-provider-about = За организацията
print-provider-eik = ЕИК { $eik }
print-licences = Лицензи и удостоверения
print-licence = № { $number }
print-licence-issued = от { $date }
print-services = Услуги
print-services-of = Услугите на организацията

print-other-services = Други услуги
print-closing-title = Пълният указател
print-closing-text = Всички социални услуги в общината, с адреси, телефони и последни данни, са в електронния указател. Там има търсене и брошури на доставчиците.
print-scan = Сканирайте кодовете с телефона си: всеки отваря страницата на услугата в указателя.

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
