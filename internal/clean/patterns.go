package clean

import "regexp"

// boilerplate phrases: calls to action, ad-blocker notices, related links,
// share and comment prompts, cookie and newsletter notices. A line matching
// one of these and shorter than maxPatternWords is dropped.
var boilerplatePatterns = []struct {
	re     *regexp.Regexp
	reason string
}{
	{regexp.MustCompile(`(?i)\b(follow|suivez|suivez-nous|rejoignez)\b.*\b(us|nous)\b.*\b(google news|facebook|twitter|x|instagram|telegram|whatsapp|linkedin|youtube|tiktok)\b`), "call to follow on a platform"},
	{regexp.MustCompile(`(?i)\b(follow us|suivez-nous|suivez nous|abonnez-vous|subscribe|inscrivez-vous|sign up for|newsletter)\b`), "call to follow or subscribe"},
	{regexp.MustCompile(`(?i)\b(ad ?-?block(er)?s?|bloqueur de pub(licité)?s?|adblock detected)\b`), "ad-blocker notice"},
	{regexp.MustCompile(`(?i)^(related( news| articles| stories| posts)?|you may also like|you might also like|read (also|more|next)|see also|more on this|recommended( for you)?|lire aussi|à lire aussi|a lire aussi|voir aussi|sur le même sujet|dans la même rubrique|à découvrir aussi|nos articles (liés|similaires)|articles? (liés|similaires))\b\s*:?`), "related-articles prompt"},
	{regexp.MustCompile(`(?i)^(leave a (comment|reply)|laisser un commentaire|laissez un commentaire|post a comment|add a comment|commentaires?|comments?|\d+ comments?|\d+ commentaires?|réagir|réagissez)\s*:?$`), "comment prompt"},
	{regexp.MustCompile(`(?i)^(share|partager|partagez|share this( article)?|partager (cet|l')article|tweet|email|imprimer|print)\b(\s*(on|sur)?\s*(facebook|twitter|x|linkedin|whatsapp|email|e-mail))*\s*:?$`), "share prompt"},
	{regexp.MustCompile(`(?i)\b(cookies?|consentement|consent|gdpr|rgpd)\b.*\b(accept|accepter|paramétrer|settings|privacy|confidentialité|utilis)`), "cookie notice"},
	{regexp.MustCompile(`(?i)^(advertisement|publicité|sponsored|contenu sponsorisé|annonce|pub)\s*:?$`), "advertisement label"},
	{regexp.MustCompile(`(?i)\b(all rights reserved|tous droits réservés)\b|^©`), "copyright notice"},
	{regexp.MustCompile(`(?i)^(please (consider|disable|whitelist)|merci de (désactiver|soutenir))\b`), "request to the reader"},
	{regexp.MustCompile(`(?i)^(click here|cliquez ici|download (our|the) app|téléchargez (notre|l')application)\b`), "call to action"},
}

var (
	captionRe = regexp.MustCompile(`(?i)^(image|photo|photos|crédit|credit|crédits|credits|illustration|capture d'écran|screenshot|vidéo|video|légende)\b|(?i)\b(getty images|afp photo|reuters/|/ afp|shutterstock)\b`)
	sourceRe  = regexp.MustCompile(`(?i)^(source|sources|via|original|article original|lien source)\s*:\s*(\S+)\s*$`)
	bylineRe  = regexp.MustCompile(`(?i)^(by|par|written by|écrit par|auteur|author)\s*:?\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})\s*$`)
	dateRe    = regexp.MustCompile(`(?i)^\s*(date|published|publié le|publié|mis à jour le|updated)\s*:?\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b\s*`)
	navRe     = regexp.MustCompile(`(?i)^(home|accueil|à la une|a la une|actualités?)\b|\s(›|»|>|/)\s`)
)
