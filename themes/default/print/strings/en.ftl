# Built-in strings of the printed brochures (English). A site's i18n/en.ftl may override any of them.

print-kind-event = Brochure
print-kind-provider = Social service provider
print-printed-on = Printed on { $date }
print-date = { $day } { $month-name } { $year }
print-notes = Notes
print-contents = Contents
print-introduction = Introduction
print-page = p.
print-page-of = { $page } of { $total }

print-for-whom = For whom
print-ages = ages { $min }–{ $max }
print-ages-from = from age { $min }
print-ages-to = up to age { $max }
print-offers = What it offers
print-where = Where and when
print-access = How to get in
print-runs = Who runs it
print-contact = Contact
print-no-provider = Provider not listed
print-no-location = The directory's sources give no address.
print-self-referral-yes = You can come on your own, without a referral.
print-self-referral-no = Needs a referral from the Social Assistance Directorate.
print-fee-yes = The service charges a fee.
print-fee-no = Free of charge for the user.
print-capacity = Places: { $count }
print-wheelchair-yes = wheelchair accessible
print-wheelchair-no = not wheelchair accessible
print-person = Ask for: { $name }
print-not-translated = Not yet translated.

print-provider-about = About the organisation
print-provider-eik = Company ID (EIK) { $eik }
print-licences = Licences and certificates
print-licence = No. { $number }
print-licence-issued = of { $date }
print-services = Services
print-services-of = The organisation's services

print-other-services = Other services
print-closing-title = The full directory
print-closing-text = Every social service in the municipality, with addresses, phone numbers and the latest details, is in the online directory. It also has a search and the providers' brochures.
print-scan = Scan the codes with your phone: each opens the service's page in the directory.

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
